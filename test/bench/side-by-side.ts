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
}

export interface SideBySide {
  requestsPerSide: number;
  sides: TimedSide[];
}

export const BLOCK = 250;

async function timeBlock(get: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < BLOCK; i += 1) await get();
  return performance.now() - start;
}

export async function timeSideBySide(sides: readonly Side[], requestsPerSide: number): Promise<SideBySide> {
  const totals = sides.map(() => 0);
  for (const side of sides) await timeBlock(side.get);
  for (let block = 0; block * BLOCK < requestsPerSide; block += 1) {
    // Rotate the order so no side always runs first or last.
    for (let i = 0; i < sides.length; i += 1) {
      const at = (block + i) % sides.length;
      totals[at] = (totals[at] ?? 0) + (await timeBlock(sides[at]!.get));
    }
  }
  return { requestsPerSide, sides: sides.map((side, at) => ({ name: side.name, totalMs: totals[at] ?? 0 })) };
}
