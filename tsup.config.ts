import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: dual ESM + CJS with types for each (index.d.ts / index.d.cts).
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    // `xxgk-lint/testing`: an entry of its own, so the core stays lean for those who do not test with
    // it. Its imports of the library become imports of the package itself, so a consumer loads one
    // instance of the core, not a second bundled copy.
    // `xxgk-lint/testing/vitest` and `/jest`: the matcher again, with the types of one runner each.
    entry: { testing: 'src/testing/index.ts', 'testing-vitest': 'src/testing/vitest.ts', 'testing-jest': 'src/testing/jest.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    esbuildPlugins: [
      {
        name: 'library-as-package',
        setup(build) {
          build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: 'xxgk-lint', external: true }));
          // The runners' entries re-export `xxgk-lint/testing`: one instance of its helpers too.
          build.onResolve({ filter: /^\.\/index\.js$/ }, (args) =>
            /[\\/]src[\\/]testing$/.test(args.resolveDir) ? { path: 'xxgk-lint/testing', external: true } : undefined,
          );
        },
      },
    ],
  },
  {
    // The command line: ESM only, for Node.
    // The worker is its own file: tinypool loads it in each worker thread.
    entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
