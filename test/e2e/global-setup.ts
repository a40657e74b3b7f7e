// vitest globalSetup for the e2e suite: one renderer build (if stale) before any journey starts.
import { ensureRendererBuilt } from './renderer-build.ts';

export function setup(): void {
  ensureRendererBuilt((line) => console.log(line));
}
