// Durations in the words the doctor uses, the same in the app and on the command line.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "45 seconds", "59 minutes", "3 hours 5 minutes", "14 days": coarse, as a person would say it. */
export function durationText(ms: number): string {
  const abs = Math.abs(ms);
  // Rounded to the unit shown first, so 59.6 s reads "1 minute", never "60 seconds".
  const seconds = Math.round(abs / 1000);
  if (seconds < 60) return plural(seconds, 'second', 'seconds');
  const totalMinutes = Math.round(abs / MINUTE);
  if (totalMinutes < 60) return plural(totalMinutes, 'minute', 'minutes');
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours < 24) {
    return minutes === 0 ? plural(hours, 'hour', 'hours') : `${plural(hours, 'hour', 'hours')} ${plural(minutes, 'minute', 'minutes')}`;
  }
  return plural(Math.round(abs / DAY), 'day', 'days');
}

/** "in 5 minutes", "3 days ago", "now". */
export function relativeText(at: number, now: number): string {
  const delta = at - now;
  if (Math.abs(delta) < 1000) return 'now';
  return delta > 0 ? `in ${durationText(delta)}` : `${durationText(delta)} ago`;
}

/** A token lifetime as DF configures it: DF_JWT_TTL is whole minutes. */
export function lifetimeText(seconds: number): string {
  if (seconds > 0 && seconds % 60 === 0) return `${plural(seconds / 60, 'minute', 'minutes')} (DF_JWT_TTL=${seconds / 60})`;
  return plural(seconds, 'second', 'seconds');
}
