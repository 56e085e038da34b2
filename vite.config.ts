import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const page = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Relative base so the built app also works from a sub-path (slides embed it in an iframe).
// Two pages: the app, and the example reveal.js deck that embeds it and drives it through
// the host API (examples/deck/, served by `vite preview` at /examples/deck/ so the e2e
// tests drive it). Vite 8 builds with Rolldown: `rolldownOptions` is the new name of
// `rollupOptions` (which it still reads, deprecated).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    rolldownOptions: { input: { main: page('./index.html'), deck: page('./examples/deck/index.html') } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
});
