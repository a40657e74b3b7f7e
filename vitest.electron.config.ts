import { defineConfig } from 'vitest/config';

// `npm run test:electron`: the smoke test of the real app in the real Electron binary. Not part of `npm test`
// (the unit config's `*.test.ts` glob does not match `*.electron.ts`), because it needs the Electron binary,
// a display and, on Linux, D-Bus with gnome-keyring. It skips itself when the binary is missing.
export default defineConfig({
  test: {
    include: ['test/electron-smoke/**/*.electron.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    // beforeAll runs `npm run build` first, so the app under test is never a stale build.
    hookTimeout: 300_000,
  },
});
