import { useCallback, useEffect, useRef, useState } from 'react';
import type { DoctorFacts } from '../../../shared/doctor/facts.ts';
import type { DeskError } from '../../../shared/ipc/desk-error.ts';
import { uiError } from '../../uiError.ts';

export interface DoctorCheck {
  facts: DoctorFacts | null;
  /** The check before this one, for "was off, now on". */
  previous: DoctorFacts | null;
  checking: boolean;
  error: DeskError | null;
  /** The last check was asked for with "I've made the change": a result still off then lists the usual causes. */
  afterSteps: boolean;
  check(afterSteps?: boolean): void;
}

/** Runs the doctor's check when mounted and again on request; `onChecked` hears every fresh result. */
export function useDoctor(load: () => Promise<DoctorFacts>, onChecked?: (facts: DoctorFacts) => void): DoctorCheck {
  const [facts, setFacts] = useState<DoctorFacts | null>(null);
  const [previous, setPrevious] = useState<DoctorFacts | null>(null);
  const [checking, setChecking] = useState(true);
  const [error, setError] = useState<DeskError | null>(null);
  const [afterSteps, setAfterSteps] = useState(false);
  const latest = useRef<DoctorFacts | null>(null);
  const run = useRef(0);
  // The callers pass fresh closures each render; the check must not restart because of that.
  const loader = useRef(load);
  loader.current = load;
  const listener = useRef(onChecked);
  listener.current = onChecked;

  const check = useCallback((steps = false) => {
    const id = ++run.current;
    setChecking(true);
    setError(null);
    loader.current().then(
      (next) => {
        if (id !== run.current) return;
        // Set with the result, not before: the causes answer this check, not the one still on screen.
        setAfterSteps(steps);
        setPrevious(latest.current);
        latest.current = next;
        setFacts(next);
        setChecking(false);
        listener.current?.(next);
      },
      (failure: unknown) => {
        if (id !== run.current) return;
        setError(uiError(failure));
        setChecking(false);
      },
    );
  }, []);

  useEffect(() => {
    check();
    return () => {
      run.current += 1;
    };
  }, [check]);

  return { facts, previous, checking, error, afterSteps, check };
}
