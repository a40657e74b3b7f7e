import type { Clock } from '../ports.ts';

export const systemClock: Clock = Object.freeze({ now: () => Date.now() });
