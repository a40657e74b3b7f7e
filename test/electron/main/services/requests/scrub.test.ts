import { describe, expect, it } from 'vitest';
import { HIDDEN_SECRET, HIDDEN_TOKEN, scrubSecrets, scrubText } from '../../../../../electron/main/services/requests/scrub.ts';
import { findSecrets } from '../fixtures/secret-walk.ts';

const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxOTk5OTk5OTk5fQ.c2lnbmF0dXJl';
const apiKey = '6498a8ad1beb9d84d63035c5d1120c007fad6de706734db9689f8996707e0f7d';

describe('scrubSecrets', () => {
  it("replaces DF's session_token and session_id (any case), keeps every other field", () => {
    const session = {
      session_token: jwt,
      session_id: jwt,
      SESSION_TOKEN: 'not-a-jwt-but-still-hidden',
      id: 5,
      name: 'Jane Doe',
      email: 'jane@example.com',
      is_sys_admin: false,
      role: null,
    };
    expect(scrubSecrets(session, [])).toEqual({
      session_token: HIDDEN_TOKEN,
      session_id: HIDDEN_TOKEN,
      SESSION_TOKEN: HIDDEN_TOKEN,
      id: 5,
      name: 'Jane Doe',
      email: 'jane@example.com',
      is_sys_admin: false,
      role: null,
    });
  });

  it('hides JWT-shaped text and the given secrets at any depth, in values and keys', () => {
    const answer = {
      resource: [{ note: `token was ${jwt}!`, nested: [[{ key: apiKey }]] }],
      [`k-${apiKey}`]: 1,
      text: `Bearer ${jwt} and ${apiKey}`,
    };
    const scrubbed = scrubSecrets(answer, [apiKey, null, undefined]);
    expect(findSecrets(scrubbed, [apiKey])).toEqual([]);
    expect(scrubbed).toEqual({
      resource: [{ note: `token was ${HIDDEN_TOKEN}!`, nested: [[{ key: HIDDEN_SECRET }]] }],
      [`k-${HIDDEN_SECRET}`]: 1,
      text: `Bearer ${HIDDEN_TOKEN} and ${HIDDEN_SECRET}`,
    });
  });

  it('leaves an empty or null session_token alone (nothing to hide) and plain strings untouched', () => {
    expect(scrubSecrets({ session_token: null, session_id: '' }, [])).toEqual({ session_token: null, session_id: '' });
    expect(scrubSecrets('<html>hello</html>', [apiKey])).toBe('<html>hello</html>');
    expect(scrubSecrets([1, true, null], [])).toEqual([1, true, null]);
  });

  it('ignores secrets too short to be credentials (they would mangle every answer)', () => {
    expect(scrubSecrets({ a: 'abc def' }, ['a', 'ab'])).toEqual({ a: 'abc def' });
  });

  it('scrubText works on bare text', () => {
    expect(scrubText(`x ${jwt} y ${apiKey}`, [apiKey])).toBe(`x ${HIDDEN_TOKEN} y ${HIDDEN_SECRET}`);
  });
});
