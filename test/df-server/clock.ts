// Server clock with an adjustable offset over real time or a time source the test controls, so tests can
// simulate time passing (or a skewed server) without sleeping.

/** Seconds with millisecond precision, as emitted in NumericDate claims. */
export function roundToMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** Where the server's time comes from: milliseconds since the epoch (shared/df's Clock has this shape). */
export interface TimeSource {
  now(): number;
}

const realTime: TimeSource = { now: () => Date.now() };

export class ServerClock {
  private offsetSeconds: number;
  private readonly base: TimeSource;

  /** `base` defaults to real time; a test passes its manual clock so the server never reads real time. */
  constructor(offsetSeconds = 0, base: TimeSource = realTime) {
    this.offsetSeconds = offsetSeconds;
    this.base = base;
  }

  setOffset(seconds: number): void {
    this.offsetSeconds = seconds;
  }

  get offset(): number {
    return this.offsetSeconds;
  }

  /** Current server time in unix seconds, millisecond precision. */
  now(): number {
    return roundToMs(this.base.now() / 1000 + this.offsetSeconds);
  }
}

/** DF's `YYYY-MM-DD HH:MM:SS` (UTC) date format used by last_login_date / token_expiry_date. */
export function formatDfDate(unixSeconds: number): string {
  const iso = new Date(Math.floor(unixSeconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
