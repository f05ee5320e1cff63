import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built to build/renderer, served by `teia serve` and by the desktop window's
// app:// protocol. Relative asset paths so both hosts load it from their own root.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/rpc': 'http://127.0.0.1:5177',
      '/events': 'http://127.0.0.1:5177',
    },
  },
});
