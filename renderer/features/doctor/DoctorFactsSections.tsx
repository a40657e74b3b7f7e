import type { Diagnosis } from '../../../shared/doctor/diagnose.ts';
import type { DoctorLine } from '../../../shared/doctor/lines.ts';
import { formatTime } from '../../ui/format.ts';

function Lines({ title, lines }: { title: string; lines: DoctorLine[] }) {
  return (
    <section className="doctor-facts" aria-label={title}>
      <h3>{title}</h3>
      <dl className="facts">
        {lines.map((line) => (
          <div key={line.label} className={`doctor-line tone-${line.tone}`}>
            <dt>{line.label}</dt>
            <dd>
              {line.value}
              {line.at !== undefined && <span className="muted"> ({formatTime(line.at)})</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** What the server says, what the token says, what DF Desk does about it. */
export function DoctorFactsSections({ diagnosis }: { diagnosis: Diagnosis }) {
  return (
    <div className="doctor-sections">
      <Lines title="What the server says" lines={diagnosis.server} />
      <Lines title="What the token says" lines={diagnosis.token} />
      <Lines title="What DF Desk does" lines={diagnosis.desk} />
    </div>
  );
}
