import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The library core must run in a browser or a worker: no Node built-in, no package it does not
// declare as a runtime dependency. Only the command line (src/cli/) may use Node.
const root = fileURLToPath(new URL('../..', import.meta.url));
const sourceRoot = join(root, 'src');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const runtimeDependencies = new Set(Object.keys(packageJson.dependencies ?? {}));
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.[cm]?tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports: static, dynamic and `require`. */
function specifiersOf(code: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] as string));
}

/** The package a bare specifier names (`zod/v4` → `zod`, `@scope/x/y` → `@scope/x`). */
const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const coreFiles = sourceFiles(sourceRoot).filter((path) => !relative(sourceRoot, path).startsWith('cli'));

describe('the specifier scanner', () => {
  it('finds every form of import it is meant to catch', () => {
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import type { X } from './x.js';",
      "export * from 'path';",
      "import 'zod';",
      "const m = await import('node:worker_threads');",
      "const c = require('fs');",
      'import {\n  a,\n  b,\n} from "decimal.js";',
    ].join('\n');
    expect(specifiersOf(code).sort()).toEqual(['./x.js', 'decimal.js', 'fs', 'node:fs', 'node:worker_threads', 'path', 'zod'].sort());
  });
});

describe('the library core (src/ outside src/cli/)', () => {
  it('is where the scan looks', () => {
    expect(coreFiles.length).toBeGreaterThan(20);
    expect(coreFiles.map((path) => relative(root, path))).toContain(join('src', 'index.ts'));
  });

  it.each(coreFiles.map((path) => [relative(root, path), path] as const))('%s imports no Node built-in and only declared runtime dependencies', (_name, path) => {
    const specifiers = specifiersOf(readFileSync(path, 'utf8'));
    expect(specifiers.filter((specifier) => builtins.has(specifier) || specifier.startsWith('node:'))).toEqual([]);
    const bare = specifiers.filter((specifier) => !specifier.startsWith('.'));
    expect(bare.map(packageOf).filter((name) => !runtimeDependencies.has(name))).toEqual([]);
  });
});
