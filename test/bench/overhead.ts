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

export interface OverheadSide {
  name: string;
  totalMs: number;
}
export interface OverheadResult {
  requestsPerSide: number;
  sides: OverheadSide[];
}

const BLOCK = 250;

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
    const sides = [
      { name: 'DF Desk client.http', get: (p: string) => desk.get(p), totalMs: 0 },
      { name: 'bare axios + fixed header', get: (p: string) => bareDefault.get(p), totalMs: 0 },
      { name: 'bare axios, maxRedirects 0', get: (p: string) => bareNoRedirects.get(p), totalMs: 0 },
    ];
    const path = '/db/_table/contacts/1';
    const timeBlock = async (get: (p: string) => Promise<unknown>): Promise<number> => {
      const start = performance.now();
      for (let i = 0; i < BLOCK; i += 1) await get(path);
      return performance.now() - start;
    };
    // Warm every path (JIT, sockets) before measuring.
    for (const side of sides) await timeBlock(side.get);
    for (let block = 0; block * BLOCK < requestsPerSide; block += 1) {
      // Rotate the order so no side always runs first or last.
      for (let i = 0; i < sides.length; i += 1) {
        const side = sides[(block + i) % sides.length]!;
        side.totalMs += await timeBlock(side.get);
      }
    }
    desk.dispose();
    return { requestsPerSide, sides: sides.map(({ name, totalMs }) => ({ name, totalMs })) };
  } finally {
    await server.close();
  }
}
