/// <reference types="vitest/config" />
import { defineConfig } from 'vitest/config';

// Browser tests: run against the built sites (npm run build) in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/setup/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // tests marked concurrent run two at a time: CI has two cores
    maxConcurrency: 2,
  },
});
