import type { PresentedCertificateInfo } from '../../../shared/ipc/contract.ts';

/** A certificate as a user checks it against what the server's administrator says: fingerprint first. */
export function CertificateDetails({ certificate }: { certificate: PresentedCertificateInfo }) {
  return (
    <dl className="certificate-details">
      <dt>SHA-256 fingerprint</dt>
      <dd>
        <code className="fingerprint">{certificate.sha256}</code>
      </dd>
      <dt>Issued to</dt>
      <dd>{certificate.subject}</dd>
      <dt>Issued by</dt>
      <dd>{certificate.selfSigned ? `${certificate.issuer} (self-signed)` : certificate.issuer}</dd>
      <dt>Valid</dt>
      <dd>
        {certificate.validFrom} – {certificate.validTo}
      </dd>
    </dl>
  );
}
