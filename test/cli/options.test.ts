import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { OPTIONS } from '../../src/cli/args.js';
import { rules } from '../../src/index.js';
import { BIN, ROOT, parseJson, runCli, seed, seedPath, temporaryDirectory } from './run-cli.js';

// Each test spawns the bin, some several times; a loaded machine can take seconds per spawn.
vi.setConfig({ testTimeout: 30_000 });

// Seed 001 without the headings of sections 一 and 六 and without its fee statement: two
// section-missing errors and a fee-statement-missing warning. (A text that is no report at all now
// gives not-a-report alone, which leaves nothing to re-level.)
const INCOMPLETE_REPORT = seed('001')
  .split('\n')
  .filter((line) => !line.startsWith('一、总体情况') && !line.startsWith('六、') && !line.includes('信息处理费'))
  .join('\n');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const everyRuleAs = (level: string): string[] => rules.flatMap((rule) => ['--rule', `${rule.id}=${level}`]);
const noStackTrace = (text: string): void => expect(text).not.toMatch(/\n\s+at /);

describe('--version and --help', () => {
  it('prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await runCli(['-v'])).stdout).toBe(`${version}\n`);
  });

  it('prints help in both languages, with every option and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const text of ['用法', 'Usage', '退出码', 'Exit codes', '.txt', '.md', 'GB18030', '.xxgklintignore', 'xxgk-lint.config.json']) {
      expect(run.stdout).toContain(text);
    }
    for (const option of OPTIONS) {
      expect(run.stdout).toContain(`--${option.name}`);
      if (option.short) expect(run.stdout).toContain(`-${option.short}, --${option.name}`);
    }
    expect((await runCli(['-h'])).stdout).toBe(run.stdout);
  });

  it('the README lists every option, in its Chinese and its English section', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const [chinese, english] = readme.split('\n## English\n') as [string, string];
    for (const section of [chinese, english]) {
      for (const option of OPTIONS) expect(section, `--${option.name}`).toMatch(new RegExp(`^\\| [^\\n]*\`(-${option.short ?? '\\w'}, )?--${option.name}[ \`/]`, 'm'));
    }
  });

  it('runs as an executable with its shebang', () => {
    const run = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
    expect(run.stdout).toBe(`${version}\n`);
  });
});

describe('usage errors: exit 2, one line on stderr, nothing on stdout', () => {
  it.each([
    [['--bogus', 'a.txt'], 'xxgk-lint: 未知选项 --bogus；运行 xxgk-lint --help 查看用法\n'],
    [['--format', 'xml', 'a.txt'], 'xxgk-lint: 未知的输出格式 xml（可选 stylish、json、jsonl、sarif、csv、html）；运行 xxgk-lint --help 查看用法\n'],
    [['--format'], 'xxgk-lint: 选项 --format 需要一个值；运行 xxgk-lint --help 查看用法\n'],
    [['--quiet=yes', 'a.txt'], 'xxgk-lint: 选项 --quiet 不接受值；运行 xxgk-lint --help 查看用法\n'],
    [['--rule', 'applications-balanse=off', 'a.txt'], 'xxgk-lint: 未知规则 applications-balanse（是否指 applications-balance？）；运行 xxgk-lint --help 查看用法\n'],
    [['--rule', 'no-such-thing=off', 'a.txt'], 'xxgk-lint: 未知规则 no-such-thing；运行 xxgk-lint --help 查看用法\n'],
    [['--rule', 'section-order=loud', 'a.txt'], 'xxgk-lint: 规则 section-order 的级别 loud 无效（可选 off、info、warning、error）；运行 xxgk-lint --help 查看用法\n'],
    [['--rule', 'section-order', 'a.txt'], 'xxgk-lint: --rule 的写法应为 <规则>=off|info|warning|error，而不是 section-order；运行 xxgk-lint --help 查看用法\n'],
    [['--max-warnings', 'many', 'a.txt'], 'xxgk-lint: --max-warnings 须为非负整数（或 -1 表示不限），而不是 many；运行 xxgk-lint --help 查看用法\n'],
    [['--locale', 'fr', 'a.txt'], 'xxgk-lint: 未知的语言 fr（可选 zh-CN、en）；运行 xxgk-lint --help 查看用法\n'],
    [['--ext', 'txt,*.md', 'a.txt'], 'xxgk-lint: --ext 的扩展名无效：*.md（应为 txt、.md 这样的写法，多个用逗号分隔）；运行 xxgk-lint --help 查看用法\n'],
    [['--ext=', 'a.txt'], 'xxgk-lint: --ext 的扩展名无效：（应为 txt、.md 这样的写法，多个用逗号分隔）；运行 xxgk-lint --help 查看用法\n'],
    [['--ignore-pattern'], 'xxgk-lint: 选项 --ignore-pattern 需要一个值；运行 xxgk-lint --help 查看用法\n'],
    [[], 'xxgk-lint: 未指定要检查的文件（给出文件、目录、通配符，或用 - 读取标准输入）；运行 xxgk-lint --help 查看用法\n'],
  ])('%j', async (args, stderr) => {
    expect(await runCli(args)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('speaks English when asked, even before the option is parsed', async () => {
    expect(await runCli(['--bogus', '--locale', 'en'])).toEqual({ code: 2, stdout: '', stderr: 'xxgk-lint: unknown option --bogus; run xxgk-lint --help for usage\n' });
    expect((await runCli(['--locale=en-US', '--rule', 'x=off', 'a.txt'])).stderr).toBe('xxgk-lint: unknown rule x; run xxgk-lint --help for usage\n');
  });
});

describe('I/O failures', () => {
  it('a missing file: exit 2, a one-line message naming it, no stack trace, and listed in stylish', async () => {
    const run = await runCli(['missing-report.txt']);
    expect(run).toEqual({
      code: 2,
      stdout: 'missing-report.txt\n  -  错误  file-not-found\n    找不到文件 missing-report.txt\n\n✖ 1 个问题（1 个错误，0 个警告）\n',
      stderr: 'xxgk-lint: 找不到文件 missing-report.txt\n',
    });
  });

  it('the other files are still checked and reported, and exit 2 wins over 1', async () => {
    const run = await runCli(['--format', 'json', 'missing-report.txt', '-'], { input: INCOMPLETE_REPORT });
    const entries = parseJson(run);
    expect(entries.map((entry) => entry.file)).toEqual(['missing-report.txt', '<stdin>']);
    expect(entries[0]?.diagnostics).toEqual([
      { ruleId: 'file-not-found', severity: 'error', fatal: true, messageId: 'notFound', args: { file: 'missing-report.txt' }, message: '找不到文件 missing-report.txt' },
    ]);
    expect(entries[1]?.errorCount).toBeGreaterThan(0);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('xxgk-lint: 找不到文件 missing-report.txt\n');
  });

  it('a file under a folder that does not exist: the same one line, in English when asked', async () => {
    const directory = temporaryDirectory();
    const run = await runCli(['--locale', 'en', join(directory, 'sub.txt', 'x.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`xxgk-lint: no such file: ${join(directory, 'sub.txt', 'x.txt')}\n`);
    noStackTrace(run.stderr);
  });

  it('an output file that cannot be written: exit 2, one line', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'a-file'), '');
    const inside = join(directory, 'a-file', 'out.json');
    const run = await runCli(['--output-file', inside, '-'], { input: INCOMPLETE_REPORT });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`xxgk-lint: 无法写入 ${inside}：已有同名文件\n`);
  });

  it('-o into a folder that does not exist yet creates it', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'out', 'nested', 'results.json');
    const run = await runCli(['--format', 'json', '-o', file, '-'], { input: INCOMPLETE_REPORT });
    expect(run.stdout).toBe('');
    expect((JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length).toBe(1);
  });
});

describe('rule levels, --quiet and --max-warnings', () => {
  it('--rule turns a rule off or changes its severity', async () => {
    const base = parseJson(await runCli(['--format', 'json', '-'], { input: INCOMPLETE_REPORT }))[0]!;
    expect(base.diagnostics.some((diagnostic) => diagnostic.ruleId === 'section-missing' && diagnostic.severity === 'error')).toBe(true);
    const off = parseJson(await runCli(['--format', 'json', '--rule', 'section-missing=off', '-'], { input: INCOMPLETE_REPORT }))[0]!;
    expect(off.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'section-missing')).toEqual([]);
    const warned = parseJson(await runCli(['--format', 'json', '--rule', 'section-missing=warn', '-'], { input: INCOMPLETE_REPORT }))[0]!;
    const missing = warned.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'section-missing');
    expect(missing.length).toBe(base.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'section-missing').length);
    expect(missing.every((diagnostic) => diagnostic.severity === 'warning')).toBe(true);
  });

  it('every rule off: no diagnostics, exit 0', async () => {
    const run = await runCli(['--format', 'json', ...everyRuleAs('off'), '-'], { input: INCOMPLETE_REPORT });
    expect(parseJson(run)).toEqual([{ file: '<stdin>', diagnostics: [], errorCount: 0, warningCount: 0 }]);
    expect(run.code).toBe(0);
  });

  it('warnings alone exit 0; above --max-warnings exit 1 with a message', async () => {
    const warnings = [...everyRuleAs('warning'), '-'];
    const run = await runCli(['--format', 'json', ...warnings], { input: INCOMPLETE_REPORT });
    const count = parseJson(run)[0]!.warningCount;
    expect(count).toBeGreaterThan(1);
    expect(run.code).toBe(0);
    expect((await runCli(['--max-warnings', String(count), ...warnings], { input: INCOMPLETE_REPORT })).code).toBe(0);
    const over = await runCli(['--max-warnings', String(count - 1), '--format', 'json', ...warnings], { input: INCOMPLETE_REPORT });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`xxgk-lint: 警告 ${count} 个，超过 --max-warnings 的上限 ${count - 1}\n`);
    expect(() => JSON.parse(over.stdout)).not.toThrow();
  });

  it('--quiet shows errors only, but --max-warnings still counts the warnings', async () => {
    const mixed = ['--rule', 'section-missing=warning', '-'];
    const all = parseJson(await runCli(['--format', 'json', ...mixed], { input: INCOMPLETE_REPORT }))[0]!;
    expect(all.warningCount).toBeGreaterThan(0);
    const quiet = await runCli(['--format', 'json', '--quiet', ...mixed], { input: INCOMPLETE_REPORT });
    const entry = parseJson(quiet)[0]!;
    expect(entry.diagnostics.every((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    expect(entry.diagnostics).toEqual(all.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'));
    expect(entry.warningCount).toBe(0);
    expect((await runCli(['--quiet', '--max-warnings', '0', ...mixed], { input: INCOMPLETE_REPORT })).stderr).toMatch(/超过 --max-warnings 的上限 0/);
  });
});

describe('output', () => {
  it('stylish: grouped by file, no colour off a terminal, a summary line that agrees with the JSON counts', async () => {
    const json = parseJson(await runCli(['--format', 'json', '-'], { input: INCOMPLETE_REPORT }))[0]!;
    const run = await runCli(['-'], { input: INCOMPLETE_REPORT });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/\u001b\[/);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('<stdin>');
    // One head line per diagnostic (place, severity, rule), its message indented under it.
    expect(lines.filter((line) => /^ {2}\S/.test(line))).toHaveLength(json.diagnostics.length);
    const infos = json.diagnostics.filter((diagnostic) => diagnostic.severity === 'info').length;
    const problems = json.errorCount + json.warningCount;
    expect(lines.at(-1)).toBe(`✖ ${problems} 个问题（${json.errorCount} 个错误，${json.warningCount} 个警告${infos > 0 ? `，${infos} 条提示` : ''}）`);
  });

  it('--color forces colour, --no-color removes it', async () => {
    expect((await runCli(['--color', '-'], { input: INCOMPLETE_REPORT })).stdout).toMatch(/\u001b\[31m错误/);
    expect((await runCli(['--no-color', '-'], { input: INCOMPLETE_REPORT })).stdout).not.toMatch(/\u001b\[/);
  });

  it('--locale en: English messages and summary', async () => {
    const run = await runCli(['--locale', 'en', '-'], { input: INCOMPLETE_REPORT });
    expect(run.stdout).toMatch(/^ {2}\S+ {2}error +section-missing\n {4}The report has no Section 一 \(Overview\)\./m);
    expect(run.stdout).toMatch(/^✖ \d+ problems? \(\d+ errors?, \d+ warnings?/m);
    const english = parseJson(await runCli(['--format', 'json', '--locale', 'en', '-'], { input: INCOMPLETE_REPORT }))[0]!;
    const chinese = parseJson(await runCli(['--format', 'json', '-'], { input: INCOMPLETE_REPORT }))[0]!;
    expect(english.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(chinese.diagnostics.map((diagnostic) => diagnostic.ruleId));
    english.diagnostics.forEach((diagnostic, index) => expect(diagnostic.message).not.toBe(chinese.diagnostics[index]?.message));
  });

  it('json: stdout holds the JSON and nothing else', async () => {
    const run = await runCli(['--format', 'json', seedPath('000'), seedPath('001')]);
    expect(run.stdout.endsWith(']\n')).toBe(true);
    expect(parseJson(run)).toHaveLength(2);
  });

  it('--output-file writes the output there and nothing to stdout', async () => {
    const directory = temporaryDirectory();
    const file = join(directory, 'out.json');
    const run = await runCli(['--format', 'json', '--output-file', file, '-'], { input: INCOMPLETE_REPORT });
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(parseJson(await runCli(['--format', 'json', '-'], { input: INCOMPLETE_REPORT })));
  });

  it('prints no progress line when stderr is not a terminal', async () => {
    const run = await runCli(['--format', 'json', 'test/fixtures/seeds']);
    expect(run.stderr).toBe('');
  });
});
