import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Builds dist/cli.js once per run: the CLI tests spawn the built bin, as a user runs it.
    globalSetup: ['test/cli/global-setup.ts'],
  },
});
