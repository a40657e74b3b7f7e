// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { foreverSessionsOff, ProbeChecklist } from '../../../../renderer/features/diagnostics/ProbeChecklist.tsx';
import { cleanup, getByRole, queryAllByRole, queryByText, render } from '../../support/dom.tsx';
import { aProbeReport } from '../../support/fixtures.ts';

afterEach(cleanup);

describe('ProbeChecklist', () => {
  it('lists every check with its state, detail and next step', () => {
    const report = aProbeReport({
      apiKeyAccepted: false,
      checks: [
        { id: 'reachable', ok: true, label: 'Server reachable', detail: 'Answered in 12 ms' },
        { id: 'dreamfactory', ok: true, label: 'DreamFactory', detail: 'Environment answered' },
        {
          id: 'api-key',
          ok: false,
          label: 'API key accepted',
          detail: 'DF refused the key',
          nextStep: 'Copy the key from Apps in the DF admin console.',
        },
        { id: 'version', ok: null, label: 'Version', detail: 'Needs an accepted key' },
      ],
    });
    render(<ProbeChecklist report={report} />);
    const items = queryAllByRole('listitem', {}, getByRole('list', { name: 'Connection checks' }));
    expect(items.map((item) => item.getAttribute('data-check'))).toEqual(['reachable', 'dreamfactory', 'api-key', 'version']);
    expect(items[0]?.textContent).toContain('(passed)');
    expect(items[2]?.textContent).toContain('(failed)');
    expect(items[2]?.textContent).toContain('Copy the key from Apps in the DF admin console.');
    expect(items[3]?.textContent).toContain('(not checked)');
    expect(queryByText(/DF_ALLOW_FOREVER_SESSIONS/)).toBeNull();
  });

  it('explains forever sessions being off and how to turn them on', () => {
    const report = aProbeReport({
      allowForeverSessions: false,
      checks: [{ id: 'forever-sessions', ok: false, label: 'Forever sessions', detail: 'Off' }],
    });
    render(<ProbeChecklist report={report} />);
    const help = document.querySelector('.forever-help')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(help).toContain('you will be asked to sign in again when the refresh window ends');
    expect(help).toContain('DF_ALLOW_FOREVER_SESSIONS=true');
    expect(help).toContain('.env');
    expect(help).toContain('php artisan config:clear');
    expect(help).toContain('php artisan cache:clear');
    expect(help).toContain('Restart DreamFactory');
    expect(help).toContain('GET /api/v2/system/environment');
  });

  it('warns when the keychain is unusable', () => {
    render(
      <ProbeChecklist
        report={aProbeReport({ vault: { mode: 'session-only', reason: 'No Secret Service', fix: 'Install gnome-keyring' } })}
      />,
    );
    expect(queryByText('Sessions will be kept in memory only.')).not.toBeNull();
    expect(queryByText('Install gnome-keyring')).not.toBeNull();
  });

  it('shows the certificate the server presented', () => {
    const certificate = {
      sha256: 'E7:8F:08',
      subject: 'dev.local',
      issuer: 'dev.local',
      validFrom: 'Jan  1 00:00:00 2026 GMT',
      validTo: 'Jan  1 00:00:00 2036 GMT',
      selfSigned: true,
      hostPort: 'dev.local:8443',
    };
    render(<ProbeChecklist report={aProbeReport({ reachable: false, certificate })} />);
    const section = document.querySelector('section[aria-label="Certificate presented by the server"]');
    expect(section?.textContent).toContain('dev.local:8443');
    expect(section?.textContent).toContain('E7:8F:08');
  });

  it('no certificate section for a report without one', () => {
    render(<ProbeChecklist report={aProbeReport()} />);
    expect(document.querySelector('section[aria-label="Certificate presented by the server"]')).toBeNull();
  });

  it('detects forever-off from the flag or from the check', () => {
    expect(foreverSessionsOff(aProbeReport({ allowForeverSessions: false }))).toBe(true);
    expect(foreverSessionsOff(aProbeReport())).toBe(false);
    const { allowForeverSessions: _unused, ...unknown } = aProbeReport();
    expect(
      foreverSessionsOff({ ...unknown, checks: [{ id: 'forever-sessions', ok: false, label: 'Forever', detail: '' }] }),
    ).toBe(true);
  });
});
