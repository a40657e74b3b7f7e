import { APACHE_ALLOW_OVERRIDE, APACHE_ENABLE_REWRITE, NGINX_TRY_FILES } from '../../../shared/doctor/rewrite-rules.ts';
import { CopyableCode } from '../../ui/CopyableCode.tsx';

/** The web server answers 404 itself: the lines that hand /api/v2 to DreamFactory's index.php. */
export function RewriteRulesHelp({ behindIndexPhp }: { behindIndexPhp: boolean | null | undefined }) {
  return (
    <section className="rewrite-help" aria-label="Web server rewrite rules">
      <h3>Add the rewrite rules</h3>
      {behindIndexPhp === true ? (
        <p>DreamFactory itself runs: it answers at /index.php/api/v2. Only the web server’s rules are missing.</p>
      ) : (
        <p>If DreamFactory runs at this address, its web server is missing these rules; otherwise check the address.</p>
      )}
      <p>
        <strong>nginx</strong>, in the DreamFactory <code>server</code> block’s <code>location /</code>:
      </p>
      <CopyableCode text={NGINX_TRY_FILES} what="the nginx rule" />
      <p>
        <strong>Apache</strong>: allow DreamFactory’s own <code>public/.htaccess</code> rules in its{' '}
        <code>&lt;Directory&gt;</code> block, and enable mod_rewrite:
      </p>
      <CopyableCode text={APACHE_ALLOW_OVERRIDE} what="the Apache directive" />
      <CopyableCode text={APACHE_ENABLE_REWRITE} what="the Apache commands" />
      <p className="muted">Reload the web server afterwards, then check again.</p>
    </section>
  );
}
