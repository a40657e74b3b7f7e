// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProbeChecklist } from '../../../../renderer/features/diagnostics/ProbeChecklist.tsx';
import { cleanup, click, getByRole, getByText, queryByRole, render, waitFor } from '../../support/dom.tsx';
import { aProbeReport } from '../../support/fixtures.ts';

afterEach(cleanup);

const off = aProbeReport({
  allowForeverSessions: false,
  server: { kind: 'environment', allowForeverSessions: false, loginAttribute: 'email', version: '7.7.0' },
});

describe('the doctor inside a connection test', () => {
  it('opens from the checklist, starts from the test’s own report, and "Check again" runs the test again', async () => {
    const recheck = vi.fn(async () => aProbeReport());
    render(<ProbeChecklist report={off} recheck={recheck} />);
    click(getByRole('button', { name: 'Open the forever-sessions doctor' }));
    await waitFor(() => getByText('Forever sessions are off on this server.'));
    expect(recheck).not.toHaveBeenCalled();
    expect(getByRole('region', { name: 'What the token says' }).textContent).toContain('Save the instance and sign in');
    click(getByRole('button', { name: 'Check again' }));
    await waitFor(() => getByText('Forever sessions: was off, now on.'));
    expect(recheck).toHaveBeenCalledTimes(1);
  });

  it('is offered for missing rewrite rules too, and not when all is well or nothing can re-run', () => {
    const rewrite = aProbeReport({ server: { kind: 'web-server-404', status: 404, dreamFactoryBehindIndexPhp: true } });
    render(<ProbeChecklist report={rewrite} recheck={vi.fn()} />);
    expect(getByRole('button', { name: 'Open the forever-sessions doctor' })).toBeTruthy();
  });

  it('nothing to open when forever sessions are on', () => {
    render(<ProbeChecklist report={aProbeReport()} recheck={vi.fn()} />);
    expect(queryByRole('button', { name: 'Open the forever-sessions doctor' })).toBeNull();
  });

  it('nothing to open without a way to check again', () => {
    render(<ProbeChecklist report={off} />);
    expect(queryByRole('button', { name: 'Open the forever-sessions doctor' })).toBeNull();
  });
});
