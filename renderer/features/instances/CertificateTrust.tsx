import type { PresentedCertificateInfo } from '../../../shared/ipc/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { CheckboxField } from '../../ui/Field.tsx';

/**
 * The explicit choice to trust one certificate for one host:port (docs/architecture.md §5: TLS is never bypassed
 * silently). Shown under the connection test, whose checklist shows the certificate's details.
 */
export function TrustCertificate({
  certificate,
  trusted,
  onTrusted,
  now = Date.now(),
}: {
  certificate: PresentedCertificateInfo;
  trusted: boolean;
  onTrusted: (trusted: boolean) => void;
  /** ms since epoch; for tests. */
  now?: number;
}) {
  if (!currentlyValid(certificate, now)) {
    // A pin does not override the validity dates (OpenSSL still checks them), so trusting would not help.
    return (
      <div className="alert alert-warn certificate-trust">
        <p>
          This certificate is outside its validity period ({certificate.validFrom} – {certificate.validTo}). DF Desk does
          not accept it even when trusted: renew it on the server, or check this computer's date and time.
        </p>
      </div>
    );
  }
  return (
    <div className="alert alert-warn certificate-trust">
      <p>
        DF Desk could not verify this server. Trust its certificate only if you know it is your server: compare the
        fingerprint above with the one your server shows (for example{' '}
        <code>openssl x509 -noout -fingerprint -sha256 -in cert.pem</code>). DF Desk will then accept exactly this
        certificate for {certificate.hostPort}, and warn you if it ever changes.
      </p>
      <CheckboxField label={`Trust this certificate for ${certificate.hostPort}`} checked={trusted} onChecked={onTrusted} />
    </div>
  );
}

function currentlyValid(certificate: PresentedCertificateInfo, now: number): boolean {
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  // Unreadable dates: let the user decide; the connection still checks them.
  return (Number.isNaN(from) || from <= now) && (Number.isNaN(to) || now <= to);
}

/** Edit form: the certificate the user trusted earlier, and the way to stop trusting it. */
export function PinnedCertificate({
  sha256,
  forget,
  onForget,
}: {
  sha256: string;
  forget: boolean;
  onForget: (forget: boolean) => void;
}) {
  return (
    <section className="pinned-certificate" aria-label="Pinned certificate">
      <strong>Pinned certificate</strong>
      <div>
        SHA-256 <code className="fingerprint">{sha256}</code>
      </div>
      {forget && (
        <div className="hint" role="status">
          It will be forgotten when you save; the server's certificate is then checked normally again.
        </div>
      )}
      {/* One button that changes its words, so pressing it keeps the focus (a new button would drop it). */}
      <Button onClick={() => onForget(!forget)} aria-label={forget ? undefined : 'Forget the pinned certificate'}>
        {forget ? 'Keep it' : 'Forget'}
      </Button>
    </section>
  );
}
