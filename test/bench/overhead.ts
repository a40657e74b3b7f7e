/**
 * Session-adapter overhead: sequential GETs through DF Desk's client versus bare axios with a fixed header,
 * in alternating blocks in one run so machine noise hits every side alike. DF Desk's client sets
 * maxRedirects: 0 (it follows same-origin redirects itself), which skips axios's follow-redirects wrapper;
 * the third side isolates that, so the session adapter's own cost is visible too.
 */
import axios, { type AxiosInstance } from 'axios';
import { startDfServer } from '../df-server/index.ts';
import { API_KEY, JANE } from '../fixtures/users.ts';
import { dfDeskContender } from './contenders.ts';
import type { SideBySide } from './side-by-side.ts';
import { timeSideBySide } from './side-by-side.ts';

export type OverheadResult = SideBySide;

export async function runOverhead(requestsPerSide = 5000): Promise<OverheadResult> {
  // A long TTL so no refresh happens: this measures the per-request cost alone.
  const server = await startDfServer({ ttlSeconds: 3600 });
  try {
    const desk = await dfDeskContender(server.url, API_KEY, false);
    const login = await axios.post(`${server.url}/api/v2/user/session`, JANE);
    const bare = (extra: { maxRedirects?: number }): AxiosInstance =>
      axios.create({
        baseURL: `${server.url}/api/v2`,
        headers: {
          'X-DreamFactory-API-Key': API_KEY,
          'X-DreamFactory-Session-Token': (login.data as { session_token: string }).session_token,
        },
        ...extra,
      });
    const bareDefault = bare({});
    const bareNoRedirects = bare({ maxRedirects: 0 });
    const path = '/db/_table/contacts/1';
    const result = await timeSideBySide(
      [
        { name: 'DF Desk client.http', get: () => desk.get(path) },
        { name: 'bare axios + fixed header', get: () => bareDefault.get(path) },
        { name: 'bare axios, maxRedirects 0', get: () => bareNoRedirects.get(path) },
      ],
      requestsPerSide,
    );
    desk.dispose();
    return result;
  } finally {
    await server.close();
  }
}
