import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseJson, runCli, seed, seedPath, temporaryDirectory } from './run-cli.js';

// Each test spawns the bin, some several times; a loaded machine can take seconds per spawn.
vi.setConfig({ testTimeout: 30_000 });

// The seeds as the issue states them: 000, 001, 003 and 004 are correct reports in the 2021
// format; 002 is written in the pre-2019 style and must be reported as legacy-format.
const CLEAN_SEEDS = ['000', '001', '003', '004'] as const;

describe('the seeds', () => {
  it.each(CLEAN_SEEDS)('seed %s: exit 0, no errors', async (id) => {
    const run = await runCli(['--format', 'json', seedPath(id)]);
    const [entry] = parseJson(run);
    expect(entry?.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(entry?.errorCount).toBe(0);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('seed 002: legacy-format, exit 1', async () => {
    const run = await runCli(['--format', 'json', seedPath('002')]);
    const [entry] = parseJson(run);
    expect(entry?.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('legacy-format');
    expect(entry?.errorCount).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  });

  it('stylish on a clean seed prints no error lines and no summary of errors', async () => {
    const run = await runCli([seedPath('001')]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/ 错误 /);
    expect(run.stdout).not.toMatch(/个错误（|✖ \d+ 个问题（[1-9]\d* 个错误/);
  });
});

describe('a directory', () => {
  it('checks every .txt and .md in it, sorted, each with the JSON shape', async () => {
    const run = await runCli(['--format', 'json', 'test/fixtures/seeds']);
    const entries = parseJson(run);
    expect(entries.map((entry) => entry.file)).toEqual(['000', '001', '002', '003', '004'].map((id) => join('test/fixtures/seeds', `${id}.txt`)));
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(['file', 'diagnostics', 'errorCount', 'warningCount']);
      expect(entry.errorCount).toBe(entry.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length);
      expect(entry.warningCount).toBe(entry.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length);
    }
    expect(run.code).toBe(1);
  });

  it('gives errors only for seed 002', async () => {
    const entries = parseJson(await runCli(['--format', 'json', 'test/fixtures/seeds']));
    expect(entries.filter((entry) => entry.errorCount > 0).map((entry) => entry.file)).toEqual([join('test/fixtures/seeds', '002.txt')]);
  });

  it('takes .txt, .md and .html (any case) in subfolders, and skips other files, node_modules and hidden folders', async () => {
    const directory = temporaryDirectory();
    for (const folder of ['sub', 'node_modules/pkg', '.hidden']) mkdirSync(join(directory, folder), { recursive: true });
    const text = seed('001');
    for (const name of ['a.txt', 'b.md', 'c.html', 'd.json', 'sub/e.TXT', 'node_modules/pkg/f.txt', '.hidden/g.txt']) writeFileSync(join(directory, name), text);
    const entries = parseJson(await runCli(['--format', 'json', '.'], { cwd: directory }));
    expect(entries.map((entry) => entry.file)).toEqual(['a.txt', 'b.md', 'c.html', join('sub', 'e.TXT')]);
  });

  it('--ext chooses the extensions searched for, with or without the dot, in any case', async () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'sub'));
    const text = seed('001');
    for (const name of ['a.txt', 'b.md', 'c.text', 'sub/d.TEXT']) writeFileSync(join(directory, name), text);
    const only = async (...args: string[]): Promise<string[]> => parseJson(await runCli(['--format', 'json', ...args, '.'], { cwd: directory })).map((entry) => entry.file);
    expect(await only('--ext', 'txt')).toEqual(['a.txt']);
    expect(await only('--ext', '.TEXT,md')).toEqual(['b.md', 'c.text', join('sub', 'd.TEXT')]);
    expect(await only('--ext', 'md', '--ext', 'txt')).toEqual(['a.txt', 'b.md']);
    const none = await runCli(['--format', 'json', '--ext', 'html', '.'], { cwd: directory });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('xxgk-lint: 目录 . 中没有 .html 文件\n');
  });

  it('--ignore-pattern leaves matching files out of directories and globs, not files named outright', async () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'corpus', 'drafts'), { recursive: true });
    const text = seed('001');
    for (const name of ['corpus/a.txt', 'corpus/INDEX.md', 'corpus/drafts/b.txt', 'c.txt']) writeFileSync(join(directory, name), text);
    const files = async (...args: string[]): Promise<string[]> => parseJson(await runCli(['--format', 'json', ...args], { cwd: directory })).map((entry) => entry.file);
    expect(await files('corpus')).toEqual([join('corpus', 'INDEX.md'), join('corpus', 'a.txt'), join('corpus', 'drafts', 'b.txt')]);
    expect(await files('--ignore-pattern', '**/INDEX.md', '--ignore-pattern', 'corpus/drafts/**', 'corpus')).toEqual([join('corpus', 'a.txt')]);
    expect(await files('--ignore-pattern', 'corpus/*.md', 'corpus/**/*.{txt,md}')).toEqual([join('corpus', 'a.txt'), join('corpus', 'drafts', 'b.txt')]);
    // A file named on the command line is what the user asked for: checked even when a pattern matches it.
    expect(await files('--ignore-pattern', '**/*.txt', 'c.txt')).toEqual(['c.txt']);
  });

  it('--ignore-pattern: folders, directories outside the working directory, any case; all left out is a failure', async () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'reports', '草稿'), { recursive: true });
    mkdirSync(join(directory, 'work'));
    const text = seed('001');
    for (const name of ['reports/a.txt', 'reports/B.TXT', 'reports/INDEX.md', 'reports/草稿/c.txt']) writeFileSync(join(directory, name), text);
    const work = join(directory, 'work');
    const files = async (...args: string[]): Promise<string[]> => parseJson(await runCli(['--format', 'json', ...args], { cwd: work })).map((entry) => entry.file);
    const reports = join('..', 'reports');
    // A folder named without a trailing globstar leaves out what is inside it.
    expect(await files('--ignore-pattern', '../reports/草稿', reports)).toEqual([join(reports, 'B.TXT'), join(reports, 'INDEX.md'), join(reports, 'a.txt')]);
    // Relative to the directory searched, too, so that a pattern for any depth works outside the working directory.
    expect(await files('--ignore-pattern', '**/INDEX.md', '--ignore-pattern', '草稿/', reports)).toEqual([join(reports, 'B.TXT'), join(reports, 'a.txt')]);
    // Case is ignored, as the extension search ignores it.
    const all = await runCli(['--format', 'json', '--ignore-pattern', '**/*.txt', '--ext', 'txt', reports], { cwd: work });
    expect(all.code).toBe(2);
    // Nothing left to check: the directory is an entry of its own, with a fatal diagnostic.
    expect(parseJson(all).map((entry) => [entry.file, entry.diagnostics.map((diagnostic) => diagnostic.ruleId)])).toEqual([[reports, ['target-empty']]]);
    expect(all.stderr).toBe(`xxgk-lint: ${reports} 中的文件都被 --ignore-pattern 或配置的 ignorePatterns 排除了\n`);
    const glob = await runCli(['--format', 'json', '--locale', 'en', '--ignore-pattern', '*.md', '../reports/*.md'], { cwd: work });
    expect(glob.stderr).toBe("xxgk-lint: every file of ../reports/*.md matches an --ignore-pattern or the configuration's ignorePatterns\n");
  });

  it('reports a directory without reports as a failure, exit 2', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'notes.json'), '{}');
    const run = await runCli(['--format', 'json', directory]);
    expect(run.code).toBe(2);
    expect(parseJson(run)).toEqual([
      {
        file: directory,
        diagnostics: [
          {
            ruleId: 'target-empty',
            severity: 'error',
            fatal: true,
            messageId: 'emptyDirectory',
            args: { file: directory, extensions: '.txt 或 .md 或 .html 或 .htm 或 .pdf 或 .docx' },
            message: `目录 ${directory} 中没有 .txt 或 .md 或 .html 或 .htm 或 .pdf 或 .docx 文件`,
          },
        ],
        errorCount: 1,
        warningCount: 0,
      },
    ]);
    expect(run.stderr).toBe(`xxgk-lint: 目录 ${directory} 中没有 .txt 或 .md 或 .html 或 .htm 或 .pdf 或 .docx 文件\n`);
  });
});

describe('globs', () => {
  it('expands a glob the shell left alone', async () => {
    const entries = parseJson(await runCli(['--format', 'json', 'test/fixtures/seeds/00[13].txt']));
    expect(entries.map((entry) => entry.file)).toEqual(['test/fixtures/seeds/001.txt', 'test/fixtures/seeds/003.txt']);
  });

  it('takes an existing file name literally even when it looks like a glob', async () => {
    const directory = temporaryDirectory();
    copyFileSync(join(process.cwd(), seedPath('001')), join(directory, '【2023】[1].txt'));
    writeFileSync(join(directory, '【2023】1.txt'), 'other');
    const entries = parseJson(await runCli(['--format', 'json', '【2023】[1].txt'], { cwd: directory }));
    expect(entries.map((entry) => entry.file)).toEqual(['【2023】[1].txt']);
  });

  it('checks a file named twice once', async () => {
    const entries = parseJson(await runCli(['--format', 'json', seedPath('001'), './' + seedPath('001'), 'test/fixtures/seeds/00[1].txt']));
    expect(entries).toHaveLength(1);
  });

  it('reports a glob that matches nothing, exit 2, and still checks the rest', async () => {
    const run = await runCli(['--format', 'json', 'nowhere/**/*.txt', seedPath('001')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('xxgk-lint: 没有文件匹配 nowhere/**/*.txt\n');
    expect(parseJson(run).map((entry) => entry.file)).toEqual(['nowhere/**/*.txt', seedPath('001')]);
  });
});

describe('standard input', () => {
  it('checks "-" like the same file', async () => {
    const fromFile = parseJson(await runCli(['--format', 'json', seedPath('003')]));
    const run = await runCli(['--format', 'json', '-'], { input: seed('003') });
    const fromStdin = parseJson(run);
    expect(fromStdin).toEqual([{ ...fromFile[0], file: '<stdin>' }]);
    expect(run.stderr).toBe('');
  });

  it('names standard input as --stdin-filename says', async () => {
    const entries = parseJson(await runCli(['--format', 'json', '--stdin-filename', '2023年报.txt', '-'], { input: seed('003') }));
    expect(entries[0]?.file).toBe('2023年报.txt');
  });

  it('checks standard input alongside files, in the order given', async () => {
    const entries = parseJson(await runCli(['--format', 'json', seedPath('001'), '-'], { input: seed('003') }));
    expect(entries.map((entry) => entry.file)).toEqual([seedPath('001'), '<stdin>']);
  });
});
