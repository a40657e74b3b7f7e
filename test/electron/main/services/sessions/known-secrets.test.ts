// Issue 8, item 5 (the desk's part): the API keys DF Desk holds are hidden by knowing them, in every form a
// server may quote them, from texts, errors and log lines whatever their fields are called.
import { describe, expect, it } from 'vitest';
import { KnownSecrets } from '../../../../../electron/main/services/sessions/known-secrets.ts';
import { secretVariants } from '../../../../../shared/secrets.ts';
import { DeskError } from '../../../../../shared/ipc/desk-error.ts';
import { REDACTED } from '../../../../../shared/secrets.ts';
import { recordingLogger } from '../../adapters/fixtures/test-keyring.ts';
import { findSecrets } from '../fixtures/secret-walk.ts';

const KEY = 'k-Live_0123!&co/x';
/** As is, RFC 3986, with lower-case hex, HTML-escaped, encodeURIComponent, JSON with an escaped slash. */
const FORMS = [KEY, 'k-Live_0123%21%26co%2Fx', 'k-Live_0123%21%26co%2fx', 'k-Live_0123!&amp;co/x', 'k-Live_0123!%26co%2Fx', 'k-Live_0123!&co\\/x'];

describe('item5-known-secrets: a non-hex key is hidden because it is known', () => {
  it('lists the forms a server may quote the key in', () => {
    expect(secretVariants(KEY)).toEqual(expect.arrayContaining(FORMS));
    expect(secretVariants('plain-key')).toEqual(['plain-key']);
  });

  it('scrubs texts and errors; an unchanged error is returned as it is', () => {
    const secrets = new KnownSecrets();
    secrets.remember('key:a', KEY);
    for (const form of FORMS) expect(secrets.scrub(`App ${form} refused.`)).toBe(`App ${REDACTED} refused.`);
    const error = secrets.scrubError(new DeskError('session-ended', `Key ${FORMS[1]} revoked.`, { status: 401 }));
    expect(error.toData()).toEqual({ kind: 'session-ended', message: `Key ${REDACTED} revoked.`, status: 401 });
    const plain = new DeskError('network', 'No answer.');
    expect(secrets.scrubError(plain)).toBe(plain);
  });

  it('log lines: message and every field, whatever its name, nested or inside an error', () => {
    const secrets = new KnownSecrets();
    secrets.remember('key:a', KEY);
    const base = recordingLogger();
    const logger = secrets.logger(base);
    logger.warn(`Refused ${FORMS[3]}`, {
      reason: `key ${KEY}`,
      detail: FORMS[1],
      message: [FORMS[2]],
      nested: { deeper: { text: FORMS[4], json: FORMS[5] } },
      error: new Error(`quoted ${KEY}`),
      count: 3,
    });
    logger.info('No fields.');
    expect(findSecrets(base.lines, FORMS)).toEqual([]);
    expect(base.lines[0]?.fields).toMatchObject({ reason: `key ${REDACTED}`, count: 3, error: { message: `quoted ${REDACTED}` } });
    expect(base.lines[1]).toEqual({ level: 'info', message: 'No fields.' });
  });

  it('keeps the last four keys of an instance hidden after they were replaced', () => {
    const secrets = new KnownSecrets();
    for (const key of ['key-one', 'key-two', 'key-three', 'key-four', 'key-five']) secrets.remember('key:a', key);
    expect(secrets.scrub('key-two key-five')).toBe(`${REDACTED} ${REDACTED}`);
    expect(secrets.scrub('key-one')).toBe('key-one');
  });
});
