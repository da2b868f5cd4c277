import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 60_000,
    // jsdom lacks showModal() and scrollIntoView(); renderer tests get minimal stand-ins (a no-op elsewhere).
    setupFiles: ['test/support/jsdom-gaps.ts'],
    hookTimeout: 120_000,
    // Two cores: keep the browser tests from competing with each other.
    maxWorkers: 2,
    // The JSON report gives .ci/run the runner's real counts for its closing line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
