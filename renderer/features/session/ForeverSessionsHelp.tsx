/** Why "Remember me" did not stick, and exactly how a DF admin turns forever sessions on. */
export function ForeverSessionsHelp() {
  return (
    <div className="help forever-help">
      <p>
        Forever sessions are off on this server, so <strong>Remember me is ignored</strong>: DF Desk keeps refreshing
        your token, but you will be asked to sign in again when the refresh window ends (14 days after sign-in with
        DF's default <code>DF_JWT_REFRESH_TTL</code>).
      </p>
      <p>To turn them on, on the DreamFactory server:</p>
      <ol>
        <li>
          Set <code>DF_ALLOW_FOREVER_SESSIONS=true</code> in DreamFactory's <code>.env</code>.
        </li>
        <li>
          Run <code>php artisan config:clear</code> and <code>php artisan cache:clear</code>.
        </li>
        <li>Restart DreamFactory (the PHP-FPM or web server process), then sign in again with Remember me.</li>
      </ol>
      <p>
        <strong>Check forever sessions</strong> (in the Session tab) shows the exact steps for your kind of install and
        tells you when the change has worked.
      </p>
      <p className="muted">
        DF Desk checks this with <code>GET /api/v2/system/environment</code> (
        <code>authentication.allow_forever_sessions</code>).
      </p>
    </div>
  );
}
