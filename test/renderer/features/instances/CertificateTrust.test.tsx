// @vitest-environment happy-dom
// Trusting a certificate the connection test showed, and forgetting a pinned one, through the instance form.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewInstance, PresentedCertificateInfo } from '../../../../shared/ipc/contract.ts';
import { InstanceForm } from '../../../../renderer/features/instances/InstanceForm.tsx';
import { cleanup, click, getByLabel, getByRole, queryAllByLabel, queryByRole, queryByText, typeInto, waitFor } from '../../support/dom.tsx';
import { FakeDesk } from '../../support/fakeDesk.ts';
import { anInstance, aProbeReport } from '../../support/fixtures.ts';
import { renderWithDesk } from '../../support/renderWithDesk.tsx';

afterEach(cleanup);

/** A named <section> (implicit role region; the dom helpers know no region role). */
const region = (name: string) => document.querySelector(`section[aria-label="${name}"]`);

const SHA = 'E7:8F:08:AC:7F:A0:A9:9B:B4:47:A1:44:B9:AE:7D:18:35:C1:B0:3D:B3:85:92:63:B9:23:99:AA:F9:74:9E:2C';
const certificate: PresentedCertificateInfo = {
  sha256: SHA,
  subject: 'dev.local',
  issuer: 'dev.local',
  validFrom: 'Jan  1 00:00:00 2026 GMT',
  validTo: 'Jan  1 00:00:00 2036 GMT',
  selfSigned: true,
  hostPort: 'dev.local:8443',
};
const tlsFailure = aProbeReport({
  url: 'https://dev.local:8443',
  reachable: false,
  isDreamFactory: false,
  apiKeyAccepted: null,
  checks: [
    { id: 'reachable', ok: false, label: 'Server reachable', detail: "The server's certificate is self-signed." },
  ],
  certificate,
});
const trustLabel = 'Trust this certificate for dev.local:8443';

function addDesk() {
  return new FakeDesk({
    'instances.add': (input: NewInstance) => anInstance({ id: 'new1', name: input.name, url: input.url }),
    'instances.probe': () => tlsFailure,
  });
}

async function testConnection() {
  click(getByRole('button', { name: 'Test connection' }));
  await waitFor(() => expect(getByRole('list', { name: 'Connection checks' })).toBeTruthy());
}

describe('InstanceForm: trusting a certificate', () => {
  it('shows the presented certificate and saves its fingerprint only when the box is ticked', async () => {
    const desk = addDesk();
    const onSaved = vi.fn();
    renderWithDesk(<InstanceForm onSaved={onSaved} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('Name'), 'Dev');
    typeInto(getByLabel('URL'), 'https://dev.local:8443');
    await testConnection();
    expect(region('Certificate presented by the server')?.textContent).toContain(SHA);
    expect(getByLabel<HTMLInputElement>(trustLabel).checked).toBe(false);

    click(getByRole('button', { name: 'Save instance' }));
    // Item 16: saving after the failed test (certificate not trusted) asks first.
    await waitFor(() => getByRole('alertdialog', { name: 'Save despite the failed connection test?' }));
    click(getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(desk.payloads('instances.add')[0]).not.toHaveProperty('trustedCertificateSha256');

    click(getByLabel(trustLabel));
    click(getByRole('button', { name: 'Save instance' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
    // Trusting the certificate that stopped the test answers it: no second question.
    expect(queryByRole('alertdialog')).toBeNull();
    expect(desk.payloads('instances.add')[1]).toMatchObject({ trustedCertificateSha256: SHA });
  });

  it('a new test after ticking probes with the pin; editing the URL drops the choice', async () => {
    const desk = addDesk();
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('Name'), 'Dev');
    typeInto(getByLabel('URL'), 'https://dev.local:8443');
    await testConnection();
    click(getByLabel(trustLabel));
    await testConnection();
    expect(desk.payloads('instances.probe')[1]).toEqual({ url: 'https://dev.local:8443', trustedCertificateSha256: SHA });

    typeInto(getByLabel('URL'), 'https://dev.local:9443');
    expect(getByLabel<HTMLInputElement>(trustLabel).checked).toBe(false);
  });

  it('no trust offer for an expired certificate: trusting it would not help', async () => {
    const expired = { ...certificate, validFrom: 'Jan  1 00:00:00 2000 GMT', validTo: 'Jan  1 00:00:00 2001 GMT' };
    const desk = new FakeDesk({ 'instances.probe': () => ({ ...tlsFailure, certificate: expired }) });
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('URL'), 'https://dev.local:8443');
    await testConnection();
    expect(queryAllByLabel(/Trust this certificate/)).toHaveLength(0);
    expect(queryByText(/outside its validity period/)).not.toBeNull();
  });

  it('no trust offer when the test found no certificate problem', async () => {
    const desk = new FakeDesk({ 'instances.probe': () => aProbeReport() });
    renderWithDesk(<InstanceForm onSaved={vi.fn()} onCancel={vi.fn()} />, desk);
    typeInto(getByLabel('URL'), 'https://df.example.com');
    await testConnection();
    expect(queryAllByLabel(/Trust this certificate/)).toHaveLength(0);
  });
});

describe('InstanceForm (edit): a pinned certificate', () => {
  const pinned = anInstance({ id: 'dev1', url: 'https://dev.local:8443', trustedCertificateSha256: SHA });

  it('is shown, probed with, and forgotten (null) only after Forget', async () => {
    const desk = new FakeDesk({
      'instances.update': ({ patch: { trustedCertificateSha256: _pin, ...patch } }) => ({ ...pinned, ...patch }),
      'instances.probe': () => aProbeReport({ url: pinned.url }),
    });
    const onSaved = vi.fn();
    renderWithDesk(<InstanceForm instance={pinned} onSaved={onSaved} onCancel={vi.fn()} />, desk);
    expect(region('Pinned certificate')?.textContent).toContain(SHA);
    await testConnection();
    expect(desk.payloads('instances.probe')[0]).toEqual({ url: pinned.url, trustedCertificateSha256: SHA });

    click(getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(desk.payloads('instances.update')[0]?.patch).not.toHaveProperty('trustedCertificateSha256');

    click(getByRole('button', { name: 'Forget the pinned certificate' }));
    expect(queryByText(/will be forgotten when you save/)).not.toBeNull();
    click(getByRole('button', { name: 'Keep it' }));
    expect(queryByRole('button', { name: 'Forget the pinned certificate' })).not.toBeNull();
    click(getByRole('button', { name: 'Forget the pinned certificate' }));
    click(getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
    expect(desk.payloads('instances.update')[1]?.patch.trustedCertificateSha256).toBeNull();
  });

  it('an unpinned instance shows no pinned section', () => {
    renderWithDesk(<InstanceForm instance={anInstance()} onSaved={vi.fn()} onCancel={vi.fn()} />, new FakeDesk({}));
    expect(region('Pinned certificate')).toBeNull();
  });
});
