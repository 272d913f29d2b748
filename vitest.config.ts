/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    // a timeout catches a hang, it does not time anything (speed is npm run bench's): many tests
    // start several Node processes one after the other, which took up to 23 s on a loaded 2-core
    // machine against 10 s on a quiet one
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // build tests run real Astro builds; keep them from competing for the two cores
    fileParallelism: true,
    maxWorkers: 2,
  },
});
