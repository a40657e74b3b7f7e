/** The question people ask once they have seen "commented out the expiry check" advice elsewhere. */
export function WhyNotDisableExpiry() {
  return (
    <details className="help-details why-not">
      <summary>Why not just make tokens never expire?</summary>
      <p>
        Some guides suggest removing the server’s expiry check. Don’t: a token that never expires keeps working, with
        no end, for anyone who copies it from a log, a proxy or a backup.
      </p>
      <p>
        A forever session keeps expiry. Each token still expires after <code>DF_JWT_TTL</code>; what is forever is the
        right to refresh it. DF Desk refreshes before expiry and keeps the token in the system keychain, so you never
        see a sign-in screen, and an old or stolen token stops working within one lifetime.
      </p>
    </details>
  );
}
