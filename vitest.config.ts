import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds dist/cli.js once per run: the CLI tests spawn the built bin, as a user runs it.
    globalSetup: ['test/cli/global-setup.ts'],
    // A guard against hangs, not a measure: the property tests and the CLI runs (a spawned node, pdf.js)
    // take seconds on a busy 2-core machine. Speed is measured in the benchmark.
    testTimeout: 30_000,
  },
});
