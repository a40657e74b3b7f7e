/**
 * Times several ways of doing the same request in rotating blocks of 250, in one run, so that machine noise
 * hits every side alike (a slow moment lands on each side in turn). Every side is warmed up first (JIT,
 * sockets).
 */
export interface Side {
  name: string;
  get(): Promise<unknown>;
}

export interface TimedSide {
  name: string;
  totalMs: number;
  /** CPU time of this process over the side's blocks (client and loopback server alike): steadier than wall time. */
  cpuMs: number;
}

export interface SideBySide {
  requestsPerSide: number;
  sides: TimedSide[];
}

export const BLOCK = 250;

async function timeBlock(get: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < BLOCK; i += 1) await get();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export async function timeSideBySide(sides: readonly Side[], requestsPerSide: number): Promise<SideBySide> {
  const totals = sides.map(() => ({ wallMs: 0, cpuMs: 0 }));
  for (const side of sides) await timeBlock(side.get);
  for (let block = 0; block * BLOCK < requestsPerSide; block += 1) {
    // Rotate the order so no side always runs first or last.
    for (let i = 0; i < sides.length; i += 1) {
      const at = (block + i) % sides.length;
      const took = await timeBlock(sides[at]!.get);
      const total = totals[at]!;
      total.wallMs += took.wallMs;
      total.cpuMs += took.cpuMs;
    }
  }
  const timed = sides.map((side, at) => ({ name: side.name, totalMs: totals[at]!.wallMs, cpuMs: totals[at]!.cpuMs }));
  return { requestsPerSide, sides: timed };
}
