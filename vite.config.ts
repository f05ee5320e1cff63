import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built to build/renderer, served by `teia serve` and by the desktop window's
// app:// protocol. Absolute asset paths (base '/') so deep links such as /enterprise/x load
// their assets from the root in both hosts.
export default defineConfig({
  root: 'renderer',
  base: '/',
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
