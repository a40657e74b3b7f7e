import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build. base './' because the app loads the bundle from app://, never from a dev server origin.
export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./build/renderer', import.meta.url)),
    emptyOutDir: true,
    // Source maps would ship the renderer source into the app bundle; the packaged app does not need them.
    sourcemap: false,
    target: 'chrome130',
  },
});
