import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The verify view imports docs/fairness/verify-core.mjs from the repository; its @noble imports
// resolve to this app's own pinned copies (dedupe), so docs/fairness needs no install to build.
const repository = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.FAIRDRAW_API_PORT ?? '8080';

export default defineConfig({
  resolve: { dedupe: ['@noble/hashes', '@noble/curves'] },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: [repository] },
    proxy: { '/v1': `http://localhost:${apiPort}` },
  },
});
