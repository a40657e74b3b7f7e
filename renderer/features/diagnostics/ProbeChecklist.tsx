import type { ProbeCheck, ProbeReport } from '../../../shared/ipc/contract.ts';
import { ProbeDoctor } from '../doctor/ProbeDoctor.tsx';
import { ForeverSessionsHelp } from '../session/ForeverSessionsHelp.tsx';
import { CertificateDetails } from './CertificateDetails.tsx';

function mark(check: ProbeCheck): { icon: string; text: string; tone: string } {
  if (check.ok === true) return { icon: '✓', text: 'passed', tone: 'ok' };
  if (check.ok === false) return { icon: '✗', text: 'failed', tone: 'bad' };
  return { icon: '–', text: 'not checked', tone: 'skip' };
}

export function foreverSessionsOff(report: ProbeReport): boolean {
  if (report.allowForeverSessions === false) return true;
  return report.checks.some((check) => check.id === 'forever-sessions' && check.ok === false);
}

/** Whether the forever-sessions doctor has something to say: forever sessions off, or rewrite rules missing. */
export function doctorHelps(report: ProbeReport): boolean {
  return foreverSessionsOff(report) || report.server.kind === 'web-server-404';
}

/**
 * "Test connection" results: one line per check, failures with their next step. `recheck` runs the same test
 * again, for the forever-sessions doctor's "Check again".
 */
export function ProbeChecklist({ report, recheck }: { report: ProbeReport; recheck?: () => Promise<ProbeReport> }) {
  return (
    <div className="probe">
      <ul className="checklist" aria-label="Connection checks">
        {report.checks.map((check) => {
          const state = mark(check);
          return (
            <li key={check.id} className={`check check-${state.tone}`} data-check={check.id}>
              <span className="check-icon" aria-hidden="true">
                {state.icon}
              </span>
              <div>
                <div>
                  <strong>{check.label}</strong> <span className="visually-hidden">({state.text})</span>
                  {check.detail && <span className="check-detail"> — {check.detail}</span>}
                </div>
                {check.nextStep && <div className="next-step">{check.nextStep}</div>}
              </div>
            </li>
          );
        })}
      </ul>
      {report.certificate && (
        <section className="presented-certificate" aria-label="Certificate presented by the server">
          <strong>The server presented this certificate ({report.certificate.hostPort}):</strong>
          <CertificateDetails certificate={report.certificate} />
        </section>
      )}
      {foreverSessionsOff(report) && <ForeverSessionsHelp />}
      {recheck && doctorHelps(report) && <ProbeDoctor report={report} recheck={recheck} />}
      {report.vault.mode === 'session-only' && (
        <div className="alert alert-warn">
          <strong>Sessions will be kept in memory only.</strong>
          {report.vault.reason && <p>{report.vault.reason}</p>}
          {report.vault.fix && <p className="next-step">{report.vault.fix}</p>}
        </div>
      )}
    </div>
  );
}
