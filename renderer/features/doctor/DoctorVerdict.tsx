import type { DoctorChange } from '../../../shared/doctor/changes.ts';
import { changeText } from '../../../shared/doctor/changes.ts';
import type { Diagnosis } from '../../../shared/doctor/diagnose.ts';

const alertTone = { ok: 'alert-ok', warn: 'alert-warn', bad: 'alert-error' } as const;

/** The headline, what changed since the last check, and anything else worth knowing (clock skew, era). */
export function DoctorVerdict({ diagnosis, changes }: { diagnosis: Diagnosis; changes: DoctorChange[] | null }) {
  return (
    <>
      <div className={`alert ${alertTone[diagnosis.tone]} doctor-verdict`} data-verdict={diagnosis.verdict}>
        <strong>{diagnosis.headline}</strong>
        <p>{diagnosis.explanation}</p>
      </div>
      {changes !== null && (
        <section className="doctor-changes" aria-label="Since the last check">
          <h3>Since the last check</h3>
          {changes.length === 0 ? (
            <p>Nothing changed.</p>
          ) : (
            <ul>
              {changes.map((change) => (
                <li key={change.what} className={change.better ? 'tone-ok' : 'tone-bad'}>
                  {changeText(change)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {diagnosis.findings.length > 0 && (
        <ul className="doctor-findings" aria-label="Also worth knowing">
          {diagnosis.findings.map((finding) => (
            <li key={finding.id} data-finding={finding.id}>
              <strong>{finding.title}</strong> {finding.detail}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
