/**
 * `npm run bench`: the refresh storm on every DF era, the session adapter's overhead against bare axios, and
 * what the desk (request proxy, IPC dispatch) adds on top of the session library. Prints tables.
 */
import type { DfProfile } from '../df-server/index.ts';
import { authRefreshContender, dfDeskContender, naiveContender } from './contenders.ts';
import { runCrossProcessStorm } from './cross-process.ts';
import { runDeskOverhead } from './desk-overhead.ts';
import { runOverhead } from './overhead.ts';
import type { SideBySide, TimedSide } from './side-by-side.ts';
import { runStorm } from './storm.ts';
import { renderTable } from './table.ts';

const profiles: DfProfile[] = ['latest', '2.14', '2.0'];
const contenders = [
  { name: 'DF Desk (keepAlive)', make: (url: string, key: string) => dfDeskContender(url, key, true) },
  { name: 'DF Desk (no keepAlive)', make: (url: string, key: string) => dfDeskContender(url, key, false) },
  { name: 'axios-auth-refresh v5', make: authRefreshContender },
  { name: 'naive 401 interceptor', make: naiveContender },
];

/** One row per side: its total, its cost per request, and a ratio against the reference side. */
function sideTable(result: SideBySide, ratioTitle: string, ratio: (side: TimedSide) => number): string {
  return renderTable(
    ['side', 'total ms', 'µs / request', 'CPU µs / request', ratioTitle],
    result.sides.map((side) => [
      side.name,
      side.totalMs.toFixed(0),
      ((side.totalMs * 1000) / result.requestsPerSide).toFixed(0),
      ((side.cpuMs * 1000) / result.requestsPerSide).toFixed(0),
      ratio(side).toFixed(3),
    ]),
  );
}

const started = performance.now();
const stormRows: string[][] = [];
for (const profile of profiles) {
  for (const contender of contenders) {
    const r = await runStorm(profile, contender.make);
    stormRows.push([
      profile,
      contender.name,
      String(r.serverRequests),
      String(r.refreshPuts),
      `${r.succeeded}/100`,
      r.serverRequests <= 101 && r.succeeded === 100 ? 'yes' : 'no',
    ]);
  }
}
console.log('\nRefresh storm: 100 concurrent GETs right after expiry (server requests after sign-in)\n');
console.log(renderTable(['DF era', 'client', 'server requests', 'refresh PUTs', 'succeeded', 'all ok in <= 101'], stormRows));

const cross = await runCrossProcessStorm(3, 20);
console.log(`\nCross-process storm: the app and ${cross.processes - 1} dfdesk processes, 20 GETs each right after expiry (latest)\n`);
console.log(
  renderTable(
    ['processes', 'requests', 'server requests', 'refresh PUTs', 'succeeded', 'sessions ended', `all ok in <= ${cross.requests + 1}`],
    [
      [
        String(cross.processes),
        String(cross.requests),
        String(cross.serverRequests),
        String(cross.refreshPuts),
        `${cross.succeeded}/${cross.requests}`,
        String(cross.ended),
        cross.serverRequests <= cross.requests + 1 && cross.succeeded === cross.requests && cross.ended === 0 ? 'yes' : 'no',
      ],
    ],
  ),
);

const overhead = await runOverhead(Number(process.env.BENCH_OVERHEAD_REQUESTS ?? 5000));
const [desk, bareDefault, bareNoRedirects] = overhead.sides;
console.log(`\nOverhead: ${overhead.requestsPerSide} sequential GETs per side, rotating blocks of 250\n`);
console.log(sideTable(overhead, 'DF Desk / this', (side) => (desk?.totalMs ?? 0) / side.totalMs));
if (desk && bareDefault && bareNoRedirects) {
  console.log(`\nratio DF Desk / bare axios: ${(desk.totalMs / bareDefault.totalMs).toFixed(3)} (target <= 1.05)`);
  console.log(`ratio DF Desk / bare axios with maxRedirects 0: ${(desk.totalMs / bareNoRedirects.totalMs).toFixed(3)}`);
}
const deskOverhead = await runDeskOverhead(Number(process.env.BENCH_OVERHEAD_REQUESTS ?? 5000));
const engine = deskOverhead.sides[0];
console.log(`\nWhat the desk adds: ${deskOverhead.requestsPerSide} sequential GETs per side, rotating blocks of 250\n`);
console.log(sideTable(deskOverhead, 'this / engine', (side) => side.totalMs / (engine?.totalMs ?? 1)));
const deskSide = deskOverhead.sides[1];
if (engine && deskSide) {
  console.log(`\nratio desk.api.request / client.http: ${(deskSide.totalMs / engine.totalMs).toFixed(3)} (target <= 1.10)`);
  console.log(`the same in CPU time (client and server of this process): ${(deskSide.cpuMs / engine.cpuMs).toFixed(3)}`);
}
console.log(`bench wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
