import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/trpc': 'http://127.0.0.1:3000',
      '/health': 'http://127.0.0.1:3000',
      '/__test': 'http://127.0.0.1:3000',
    },
  },
  build: { outDir: 'dist', sourcemap: true },
  test: { name: 'client', environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], passWithNoTests: true },
});
