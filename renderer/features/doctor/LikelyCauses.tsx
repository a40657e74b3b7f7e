import type { InstallKind } from '../../../shared/doctor/install-steps.ts';
import { likelyCauses } from '../../../shared/doctor/install-steps.ts';

/** Still off after the user did the steps: what usually went wrong, most likely first. */
export function LikelyCauses({ kind }: { kind: InstallKind }) {
  return (
    <section className="alert alert-warn likely-causes" aria-label="Why it is still off">
      <strong>Still off. The usual causes, most likely first:</strong>
      <ol>
        {likelyCauses(kind).map((cause) => (
          <li key={cause.id} data-cause={cause.id}>
            <strong>{cause.title}.</strong> {cause.check}
          </li>
        ))}
      </ol>
    </section>
  );
}
