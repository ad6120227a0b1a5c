import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The command-line tests run real Astro builds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
