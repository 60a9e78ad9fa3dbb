import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as a user installs it: `npm pack` of the build, unpacked into a node_modules folder,
// imported by name from ESM and CommonJS, and type-checked from .mts and .cts consumers.
//
// It needs the build (`npm run build`). `npm test` runs before the build in a fresh clone, so the
// suite runs only when dist/ is newer than src/; `.ci/run` runs it again after the build with
// XXGK_PACKAGE_TEST=1, which makes a missing or stale build a failure instead of a skip.
const root = fileURLToPath(new URL('..', import.meta.url));
const required = process.env.XXGK_PACKAGE_TEST === '1';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };

function newestModification(directory: string): number {
  return readdirSync(directory, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(directory, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }, 0);
}

const builtFiles = [
  'dist/index.js',
  'dist/index.cjs',
  'dist/index.d.ts',
  'dist/index.d.cts',
  'dist/cli.js',
  'dist/worker.js',
  'dist/testing.js',
  'dist/testing.cjs',
  'dist/testing.d.ts',
  'dist/testing-vitest.js',
  'dist/testing-vitest.d.ts',
  'dist/testing-jest.js',
  'dist/testing-jest.d.ts',
];
const built = builtFiles.every((file) => existsSync(join(root, file)));
const fresh = built && Math.min(...builtFiles.map((file) => statSync(join(root, file)).mtimeMs)) >= newestModification(join(root, 'src'));

describe.runIf(required)('the build', () => {
  it('is present and newer than every source file (run `npm run build`)', () => {
    expect(built).toBe(true);
    expect(fresh).toBe(true);
  });
});

describe.runIf(fresh)('the packed package', () => {
  // A project outside the repository (so nothing resolves to the working tree by accident) whose
  // node_modules holds the unpacked package beside links to the installed dependencies.
  const scratch = mkdtempSync(join(tmpdir(), 'xxgk-lint-package-'));
  const installed = join(scratch, 'node_modules', pkg.name);
  let packedFiles: string[] = [];

  const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  beforeAll(() => {
    mkdirSync(join(scratch, 'node_modules'));
    for (const entry of readdirSync(join(root, 'node_modules'))) {
      if (entry.startsWith('.') || entry === pkg.name) continue;
      symlinkSync(join(root, 'node_modules', entry), join(scratch, 'node_modules', entry), 'dir');
    }
    const output = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const [packed] = JSON.parse(output) as [{ filename: string; files: { path: string }[] }];
    packedFiles = packed.files.map((file) => file.path).sort();
    execFileSync('tar', ['-xzf', join(scratch, packed.filename), '-C', scratch]);
    renameSync(join(scratch, 'package'), installed);
  }, 120_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('ships the build, the JSON Schema and the documents, and nothing else', () => {
    for (const file of [...builtFiles, 'schema/annual-report.schema.json', 'schema/config.schema.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.json']) {
      expect(packedFiles).toContain(file);
    }
    expect(packedFiles.filter((file) => !/^(dist|schema|docs\/examples)\//.test(file) && !['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json', 'testing/package.json', 'testing/vitest/package.json', 'testing/jest/package.json'].includes(file))).toEqual([]);
    expect(packedFiles.filter((file) => file.startsWith('docs/'))).toEqual(readdirSync(join(root, 'docs/examples')).map((name) => `docs/examples/${name}`).sort());
  });

  it("runs the README's code examples as a consumer would, with the output the README shows", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/<!-- (usage-example|usage-output) -->\n```\w*\n([\s\S]*?)\n```/g)].map((match) => ({ marker: match[1], code: match[2] ?? '' }));
    let ran = 0;
    blocks.forEach((block, index) => {
      if (block.marker !== 'usage-example') return;
      // The examples are written so that they run as JavaScript too: no annotations to strip.
      writeFileSync(join(scratch, `readme-${index}.mjs`), block.code);
      const printed = node([`readme-${index}.mjs`]);
      const expected = blocks[index + 1]?.marker === 'usage-output' ? blocks[index + 1]?.code : undefined;
      if (expected !== undefined) expect(printed.trimEnd()).toBe(expected);
      else expect(printed.length).toBeGreaterThan(0);
      ran++;
    });
    expect(ran).toBeGreaterThanOrEqual(6);
  });

  it('imports by name from ESM and checks a report', () => {
    writeFileSync(
      join(scratch, 'consumer.mjs'),
      [
        "import { checkReport, createReport, setCell, rules, Decimal } from 'xxgk-lint';",
        "const report = setCell(createReport({ year: 2024 }), 'applications.received.total', 1);",
        "const sums = ['applications-balance', 'applications-outcome-total', 'applications-row-total', 'reviews-total', 'litigation-total'];",
        "const errors = checkReport(report, { locale: 'en' }).filter((d) => sums.includes(d.ruleId));",
        "console.log(JSON.stringify({ ids: errors.map((d) => d.ruleId + ':' + d.row + '.' + d.column), rules: rules.length > 0, exact: new Decimal('0.1').plus('0.2').toFixed() }));",
      ].join('\n'),
    );
    expect(JSON.parse(node(['consumer.mjs']))).toEqual({
      ids: ['applications-balance:received.total', 'applications-row-total:received.total'],
      rules: true,
      exact: '0.3',
    });
  });

  it('requires by name from CommonJS and checks a report', () => {
    writeFileSync(
      join(scratch, 'consumer.cjs'),
      [
        "const { checkReport, createReport, setCell } = require('xxgk-lint');",
        "const report = setCell(createReport({ year: 2024 }), 'reviews.review.upheld', 2);",
        "console.log(checkReport(report).filter((d) => d.ruleId === 'reviews-total').map((d) => d.expected + '/' + d.actual).join());",
      ].join('\n'),
    );
    expect(node(['consumer.cjs']).trim()).toBe('2/0');
  });

  it('loads one module instance per format, ESM and CommonJS each complete', () => {
    const esm = node(['--input-type=module', '-e', "import * as m from 'xxgk-lint'; console.log(Object.keys(m).sort().join())"]);
    const cjs = node(['-e', "console.log(Object.keys(require('xxgk-lint')).sort().join())"]);
    expect(cjs).toBe(esm);
    expect(esm.split(',').length).toBeGreaterThan(20);
  });

  it('exposes the JSON Schema under its export path', () => {
    const path = node(['-e', "console.log(require.resolve('xxgk-lint/schema/annual-report.schema.json'))"]).trim();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(JSON.parse(readFileSync(join(root, 'schema', 'annual-report.schema.json'), 'utf8')));
  });

  it('has a library build with no Node built-in in it', () => {
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/testing.js', 'dist/testing.cjs']) {
      const code = readFileSync(join(installed, file), 'utf8');
      expect(code).not.toMatch(/(?:from\s*|require\(\s*|import\(\s*)['"]node:/);
      expect(code).not.toMatch(/(?:from\s*|require\(\s*)['"](?:fs|path|os|url|child_process|module|util|stream|buffer|process)['"]/);
    }
  });

  it('keeps its runtime dependencies external (not bundled twice)', () => {
    const code = readFileSync(join(installed, 'dist/index.js'), 'utf8');
    expect(code).toMatch(/from ['"]zod['"]/);
    expect(code).toMatch(/from ['"]decimal\.js['"]/);
  });

  it('type-checks for ESM (.mts) and CommonJS (.cts) consumers under node16 resolution', () => {
    const use = [
      "const report: AnnualReport = createReport({ year: 2024 });",
      "const diagnostics: Diagnostic[] = checkReport(report, { rules: { 'applications-balance': 'off' }, locale: 'en' });",
      "const severity: 'error' | 'warning' | 'info' | undefined = diagnostics[0]?.severity;",
      '// @ts-expect-error a fee amount is an exact Decimal, not a number',
      "const fee: number = new Decimal('779.508355');",
      "const sum: string = new Decimal('0.1').plus('0.2').toFixed();",
      '// @ts-expect-error a level the engine does not know',
      "checkReport(report, { rules: { 'applications-balance': 'fatal' } });",
      'export { severity, fee, sum };',
    ];
    writeFileSync(join(scratch, 'consumer.mts'), ["import { checkReport, createReport, Decimal } from 'xxgk-lint';", "import type { AnnualReport, Diagnostic } from 'xxgk-lint';", ...use].join('\n'));
    writeFileSync(join(scratch, 'consumer.cts'), ["import xxgk = require('xxgk-lint');", 'const { checkReport, createReport, Decimal } = xxgk;', 'type AnnualReport = xxgk.AnnualReport;', 'type Diagnostic = xxgk.Diagnostic;', ...use].join('\n'));
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, types: [], skipLibCheck: false },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it("type-checks the README's vitest example, and a jest consumer, each without the other runner", () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/<!-- vitest-example -->\n```ts\n([\s\S]*?)\n```/g)].map((match) => match[1] ?? '');
    expect(examples).toHaveLength(2);
    const check = (name: string, files: Record<string, string>, types: string[]) => {
      const folder = join(scratch, name);
      mkdirSync(folder, { recursive: true });
      for (const [file, code] of Object.entries(files)) writeFileSync(join(folder, file), code);
      writeFileSync(
        join(folder, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, types, skipLibCheck: false }, files: Object.keys(files) }),
      );
      const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: folder, encoding: 'utf8' });
      return { output: result.stdout + result.stderr, status: result.status };
    };
    // The generator the example calls is the consumer's own.
    const generator = 'declare function generateReport(year: number): string;\n';
    const vitest = check('types-vitest', Object.fromEntries(examples.map((code, index) => [`example-${index}.mts`, generator + code])), []);
    expect(vitest.output).toBe('');
    expect(vitest.status).toBe(0);
    // Without the entry that carries the types, the matcher is unknown: the types come from there.
    const untyped = check('types-untyped', { 'example.mts': generator + (examples[0] ?? '').replace("'xxgk-lint/testing/vitest'", "'xxgk-lint/testing'") }, []);
    expect(untyped.output).toContain("Property 'toBeCleanAnnualReport' does not exist");
    // jest's matchers live in its global namespace (@types/jest): a stand-in of that shape, no vitest anywhere.
    const jestGlobals = [
      'declare namespace jest {',
      '  interface Matchers<R, T = {}> { toBe(expected: unknown): R }',
      '  interface Expect { <T>(actual: T): Matchers<void, T>; extend(matchers: object): void }',
      '}',
      'declare const expect: jest.Expect;',
      'declare function test(name: string, body: () => void): void;',
    ].join('\n');
    const jestCode = [
      "import { matchers } from 'xxgk-lint/testing/jest';",
      generator,
      'expect.extend(matchers);',
      "test('clean', () => expect(generateReport(2024)).toBeCleanAnnualReport({ failOn: 'error' }));",
      '// @ts-expect-error the options are typed',
      "test('typed', () => expect(generateReport(2024)).toBeCleanAnnualReport({ failOn: 'fatal' }));",
    ].join('\n');
    const jest = check('types-jest', { 'jest-globals.d.ts': jestGlobals, 'example.cts': jestCode }, []);
    expect(jest.output).toBe('');
    expect(jest.status).toBe(0);
    // `xxgk-lint/testing` alone names no runner: it compiles with neither.
    const plain = check('types-plain', { 'plain.mts': "import { assertCleanReport } from 'xxgk-lint/testing';\nassertCleanReport('x');\n" }, []);
    expect(plain.output).toBe('');
  }, 120_000);

  it('installs a command line that runs from the unpacked package, its worker threads too', () => {
    expect(readFileSync(join(installed, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(node([join(installed, 'dist/cli.js'), '--version']).trim()).toContain(pkg.version);
    const reports = join(scratch, 'reports');
    mkdirSync(reports, { recursive: true });
    for (let index = 0; index < 4; index++) writeFileSync(join(reports, `r${index}.txt`), readFileSync(join(root, 'test/fixtures/seeds/001.txt')));
    const serial = node([join(installed, 'dist/cli.js'), '--format', 'json', '--concurrency', '1', 'reports']);
    expect(node([join(installed, 'dist/cli.js'), '--format', 'json', '--concurrency', '2', 'reports'])).toBe(serial);
    expect((JSON.parse(serial) as unknown[]).length).toBe(4);
  });

  it('xxgk-lint/testing: assertCleanReport under node:test, and the vitest matcher, in a consumer project', () => {
    writeFileSync(join(scratch, 'clean.txt'), readFileSync(join(root, 'test/fixtures/seeds/001.txt')));
    writeFileSync(join(scratch, 'faulty.txt'), readFileSync(join(root, 'test/fixtures/seeds/001.txt'), 'utf8').replace(/(一、本年新收政府信息公开申请数量 \| )6( \|)/, '$17$2'));
    writeFileSync(
      join(scratch, 'report.test.mjs'),
      [
        "import { test } from 'node:test';",
        "import assert from 'node:assert/strict';",
        "import { readFileSync } from 'node:fs';",
        "import { assertCleanReport, AnnualReportFindingsError } from 'xxgk-lint/testing';",
        "test('clean', () => assertCleanReport(readFileSync('clean.txt', 'utf8')));",
        "test('faulty', () => assert.throws(() => assertCleanReport(readFileSync('faulty.txt', 'utf8'), { locale: 'en' }), (error) => error instanceof AnnualReportFindingsError && /applications-row-total/.test(error.message)));",
      ].join('\n'),
    );
    const plain = spawnSync(process.execPath, ['--test', 'report.test.mjs'], { cwd: scratch, encoding: 'utf8' });
    expect(plain.stdout).toMatch(/# pass 2\n/);
    expect(plain.status).toBe(0);

    writeFileSync(
      join(scratch, 'matcher.test.ts'),
      [
        "import { expect, test } from 'vitest';",
        "import { readFileSync } from 'node:fs';",
        "import { matchers } from 'xxgk-lint/testing/vitest';",
        'expect.extend(matchers);',
        "test('clean', () => { expect(readFileSync('clean.txt', 'utf8')).toBeCleanAnnualReport(); });",
        "test('faulty', () => { expect(readFileSync('faulty.txt', 'utf8')).toBeCleanAnnualReport(); });",
      ].join('\n'),
    );
    writeFileSync(join(scratch, 'vitest.config.mjs'), 'export default { test: { include: ["matcher.test.ts"] } };\n');
    const vitest = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', scratch], { cwd: scratch, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' } });
    const output = vitest.stdout + vitest.stderr;
    // One test passes, the faulty one fails with the finding listed.
    expect(output).toMatch(/Tests +1 failed \| 1 passed/);
    expect(output).toContain('年度报告未通过检查');
    expect(output).toContain('applications-row-total');
  }, 120_000);
});
