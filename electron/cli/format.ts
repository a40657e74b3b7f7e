/** Pretty text for sessions and instances: one wording for `instances`, `status`, `login` and `logout`. */
import { relativeText } from '../../shared/doctor/duration.ts';
import type { Instance, SessionStatus } from '../../shared/ipc/contract.ts';
import type { Output, Tone } from './output.ts';

const STATE_WORDS: Record<SessionStatus['state'], { text: string; tone: Tone }> = {
  active: { text: 'signed in', tone: 'ok' },
  refreshing: { text: 'refreshing', tone: 'ok' },
  'needs-sign-in': { text: 'needs a sign-in', tone: 'bad' },
  'signed-out': { text: 'signed out', tone: 'info' },
};

export function userText(status: SessionStatus): string | undefined {
  const user = status.user;
  if (user === undefined) return undefined;
  const who = user.email === null || user.email === user.name ? user.name : `${user.name} <${user.email}>`;
  return status.admin ? `${who} (admin)` : who;
}

/** "signed in as Jane Doe <jane@example.com> · forever · expires in 59 minutes". */
export function sessionSummary(out: Output, status: SessionStatus, now: number): string {
  const words = STATE_WORDS[status.state];
  const parts = [out.tone(words.tone, words.text)];
  const user = userText(status);
  if (user !== undefined) parts[0] = `${parts[0]} as ${user}`;
  if (status.state === 'active' || status.state === 'refreshing') {
    parts.push(status.forever ? out.tone('ok', 'forever') : out.tone('warn', 'not forever'));
    if (status.expiresAt !== undefined) parts.push(`token expires ${relativeText(status.expiresAt, now)}`);
    if (status.persistence === 'memory') parts.push(out.tone('warn', 'not in the keychain'));
  }
  return parts.join(' · ');
}

/** The lines under a status that say what went wrong, if anything. */
export function sessionProblems(out: Output, status: SessionStatus, now: number): string[] {
  const lines: string[] = [];
  if (status.endedReason !== undefined) lines.push(out.tone('bad', status.endedReason));
  const failed = status.lastRefreshError;
  if (failed !== undefined) lines.push(out.tone('warn', `Last refresh failed ${relativeText(failed.at, now)}: ${failed.message}`));
  return lines;
}

export function tagText(out: Output, instance: Instance): string {
  return instance.tag === 'prod' ? out.color.bold(out.tone('bad', 'prod')) : instance.tag;
}

/** Left-aligned columns; colour escapes do not count towards a column's width. */
export function columns(rows: readonly (readonly string[])[]): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour escapes start with ESC.
  const visible = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').length;
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, visible(cell));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell))))
      .join('  ')
      .trimEnd(),
  );
}
