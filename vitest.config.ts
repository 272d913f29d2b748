/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 240_000,
    // build tests run real Astro builds; keep them from competing for the two cores
    fileParallelism: true,
    maxWorkers: 2,
  },
});
