import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Pipeline tests share the output of one corpus run per file; files run in parallel.
    pool: 'forks',
  },
});
