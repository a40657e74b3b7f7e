import { defineConfig } from 'vitest/config';

// End-to-end journeys: the built renderer in headless Chromium with the real main-process services bound in.
// One file at a time: each file drives its own Chromium and DF test servers on 2 shared cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/e2e/global-setup.ts'],
    server: { deps: { inline: ['electron-store'] } },
  },
});
