// Server clock with an adjustable offset, so tests can simulate time passing (or a skewed server) without sleeping.

/** Seconds with millisecond precision, as emitted in NumericDate claims. */
export function roundToMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

export class ServerClock {
  private offsetSeconds: number;

  constructor(offsetSeconds = 0) {
    this.offsetSeconds = offsetSeconds;
  }

  setOffset(seconds: number): void {
    this.offsetSeconds = seconds;
  }

  get offset(): number {
    return this.offsetSeconds;
  }

  /** Current server time in unix seconds, millisecond precision. */
  now(): number {
    return roundToMs(Date.now() / 1000 + this.offsetSeconds);
  }
}

/** DF's `YYYY-MM-DD HH:MM:SS` (UTC) date format used by last_login_date / token_expiry_date. */
export function formatDfDate(unixSeconds: number): string {
  const iso = new Date(Math.floor(unixSeconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
