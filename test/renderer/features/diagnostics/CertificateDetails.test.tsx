// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { CertificateDetails } from '../../../../renderer/features/diagnostics/CertificateDetails.tsx';
import { cleanup, render } from '../../support/dom.tsx';

afterEach(cleanup);

describe('CertificateDetails', () => {
  it('fingerprint, subject, issuer (marked self-signed) and validity', () => {
    render(
      <CertificateDetails
        certificate={{
          sha256: 'AB:CD',
          subject: 'dev.local',
          issuer: 'Dev CA',
          validFrom: 'Jan  1 00:00:00 2026 GMT',
          validTo: 'Jan  1 00:00:00 2036 GMT',
          selfSigned: false,
          hostPort: 'dev.local:443',
        }}
      />,
    );
    const text = document.querySelector('.certificate-details')?.textContent ?? '';
    expect(text).toContain('AB:CD');
    expect(text).toContain('dev.local');
    expect(text).toContain('Dev CA');
    expect(text).not.toContain('self-signed');
    expect(text).toContain('2036 GMT');
  });

  it('marks a self-signed certificate', () => {
    render(
      <CertificateDetails
        certificate={{ sha256: 'AB', subject: 'x', issuer: 'x', validFrom: 'a', validTo: 'b', selfSigned: true, hostPort: 'x:443' }}
      />,
    );
    expect(document.querySelector('.certificate-details')?.textContent).toContain('x (self-signed)');
  });
});
