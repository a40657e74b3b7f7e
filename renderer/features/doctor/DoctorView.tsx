import { useRef, useState } from 'react';
import { changesBetween } from '../../../shared/doctor/changes.ts';
import { diagnose } from '../../../shared/doctor/diagnose.ts';
import type { DoctorFacts } from '../../../shared/doctor/facts.ts';
import type { InstallKind } from '../../../shared/doctor/install-steps.ts';
import type { Instance, SessionStatus } from '../../../shared/ipc/contract.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SignInForm } from '../session/SignInForm.tsx';
import { DoctorFactsSections } from './DoctorFactsSections.tsx';
import { DoctorVerdict } from './DoctorVerdict.tsx';
import { InstallGuide } from './InstallGuide.tsx';
import { LikelyCauses } from './LikelyCauses.tsx';
import { RewriteRulesHelp } from './RewriteRulesHelp.tsx';
import { useDoctor } from './useDoctor.ts';
import { WhyNotDisableExpiry } from './WhyNotDisableExpiry.tsx';

export interface DoctorViewProps {
  load: () => Promise<DoctorFacts>;
  /** A saved instance can be signed in to again from here, with Remember me. */
  signIn?: { instance: Instance; status: SessionStatus | undefined };
  onChecked?: (facts: DoctorFacts) => void;
}

/** The forever-sessions doctor: what the server and the token say, what is wrong, and how to fix it here. */
export function DoctorView({ load, signIn, onChecked }: DoctorViewProps) {
  const doctor = useDoctor(load, onChecked);
  const [kind, setKind] = useState<InstallKind>('unknown');
  const [signingIn, setSigningIn] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const { facts, previous } = doctor;

  if (facts === null) {
    if (doctor.error) {
      return (
        <div className="doctor">
          <ErrorAlert error={doctor.error} />
          <Button onClick={() => doctor.check()}>Try again</Button>
        </div>
      );
    }
    return (
      <p className="muted" aria-busy="true">
        Checking forever sessions…
      </p>
    );
  }

  const diagnosis = diagnose(facts);
  const stillOff = doctor.afterSteps && diagnosis.verdict === 'forever-off';
  return (
    <div className="doctor" aria-busy={doctor.checking}>
      {/* One live region for the outcome, so "Check again" is heard without moving the focus. */}
      <div role="status" aria-live="polite" tabIndex={-1} ref={outcome}>
        <DoctorVerdict diagnosis={diagnosis} changes={previous === null ? null : changesBetween(previous, facts)} />
      </div>
      <ErrorAlert error={doctor.error} />
      {stillOff && <LikelyCauses kind={kind} />}
      {diagnosis.offerSignInWithRememberMe && signIn !== undefined && (
        <section className="doctor-sign-in" aria-label="Sign in again">
          {signingIn ? (
            <SignInForm
              instance={signIn.instance}
              status={signIn.status}
              onSignedIn={() => {
                // The form is about to go: the focus moves to the outcome, not to the page behind the dialog.
                outcome.current?.focus();
                setSigningIn(false);
                doctor.check();
              }}
              onCancel={() => setSigningIn(false)}
            />
          ) : (
            <Button variant="primary" onClick={() => setSigningIn(true)}>
              Sign in again with Remember me
            </Button>
          )}
        </section>
      )}
      {diagnosis.verdict === 'rewrite-rules' && <RewriteRulesHelp behindIndexPhp={diagnosis.dreamFactoryBehindIndexPhp} />}
      {diagnosis.showInstallSteps && (
        <InstallGuide kind={kind} onKind={setKind} onDone={() => doctor.check(true)} checking={doctor.checking} />
      )}
      <DoctorFactsSections diagnosis={diagnosis} />
      <div className="form-actions">
        <Button onClick={() => doctor.check()} busy={doctor.checking}>
          Check again
        </Button>
      </div>
      <WhyNotDisableExpiry />
    </div>
  );
}
