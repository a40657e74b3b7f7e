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
      <CopyableCode text="try_files $uri $uri/ /index.php?$query_string;" what="the nginx rule" />
      <p>
        <strong>Apache</strong>: allow DreamFactory’s own <code>public/.htaccess</code> rules in its{' '}
        <code>&lt;Directory&gt;</code> block, and enable mod_rewrite:
      </p>
      <CopyableCode text="AllowOverride All" what="the Apache directive" />
      <CopyableCode text="sudo a2enmod rewrite && sudo systemctl restart apache2" what="the Apache commands" />
      <p className="muted">Reload the web server afterwards, then check again.</p>
    </section>
  );
}
