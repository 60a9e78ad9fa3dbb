import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkTask } from '../../src/cli/check-file.js';
import { TEMPLATES, parseReport, rules } from '../../src/index.js';
import { sarifErrors } from '../format/sarif-validator.js';
import { BIN, ROOT, parseJson, runCli, seed, seedPath, temporaryDirectory } from './run-cli.js';
import type { JsonEntry } from './run-cli.js';

// Each test spawns the bin, some several times; a loaded machine can take seconds per spawn.
vi.setConfig({ testTimeout: 60_000 });

// A PNG header: bytes no decoder takes for text.
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0]);

// An OLE2 compound file header: an old binary Word (.doc) or WPS file, a form xxgk-lint does not read.
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0, 0, 0, 0, 0]);

/** A folder with a good report, a binary file and an old Word file; the missing one is named but absent. */
function mixedFolder(): { directory: string; args: string[] } {
  const directory = temporaryDirectory();
  copyFileSync(seedPath('001'), join(directory, 'good.txt'));
  writeFileSync(join(directory, 'image.txt'), BINARY);
  writeFileSync(join(directory, 'report.doc'), OLE);
  return { directory, args: ['good.txt', 'missing.txt', 'image.txt', 'report.doc'] };
}

interface SarifLog {
  runs: {
    results: { ruleId: string; suppressions?: { kind: string; justification?: string }[]; partialFingerprints: Record<string, string> }[];
    artifacts: { location: { uri: string } }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string }; descriptor?: { id: string } }[] }[];
  }[];
}

describe('every input accounted for', () => {
  it('a run mixing good, missing, binary and unsupported files lists every one in JSON, SARIF and stylish, exit 2', async () => {
    const { directory, args } = mixedFolder();
    const json = await runCli(['--format', 'json', ...args], { cwd: directory });
    expect(json.code).toBe(2);
    const entries = parseJson(json);
    expect(entries.map((entry) => entry.file)).toEqual(args);
    const fatal = (entry: JsonEntry): string[] => entry.diagnostics.filter((diagnostic) => (diagnostic as { fatal?: boolean }).fatal).map((diagnostic) => diagnostic.ruleId);
    expect(entries.map(fatal)).toEqual([[], ['file-not-found'], ['file-undecodable'], ['file-unsupported']]);
    for (const entry of entries.slice(1)) expect(entry.errorCount).toBe(1);
    // The same lines on stderr, one per input that could not be checked.
    expect(json.stderr.trimEnd().split('\n')).toEqual(['xxgk-lint: 找不到文件 missing.txt', 'xxgk-lint: image.txt 不是文本文件', 'xxgk-lint: report.doc 是旧版 Word（.doc）或 WPS 文件，无法读取，请另存为 .docx 或 PDF']);

    const sarif = await runCli(['--format', 'sarif', ...args], { cwd: directory });
    expect(sarif.code).toBe(2);
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]?.artifacts.map((artifact) => artifact.location.uri)).toEqual(args);
    expect(log.runs[0]?.invocations[0]?.executionSuccessful).toBe(false);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications?.map((notification) => notification.descriptor?.id)).toEqual(['file-not-found', 'file-undecodable', 'file-unsupported']);

    const stylish = await runCli(args, { cwd: directory });
    expect(stylish.code).toBe(2);
    for (const name of args.slice(1)) expect(stylish.stdout).toMatch(new RegExp(`^${name.replace('.', '\\.')}$`, 'm'));
    expect(stylish.stdout).toMatch(/file-not-found$/m);
    expect(stylish.stdout).toMatch(/file-undecodable$/m);
    expect(stylish.stdout).toMatch(/file-unsupported$/m);
  });

  it('PDF and Word files: read ones checked, locked, scanned and old-format ones fatal with the reason in the locale; the same on worker threads', async () => {
    const files = ['seed-001.pdf', 'encrypted.pdf', 'scan.pdf', 'old-word.doc', 'template-2021.docx'].map((name) => `test/fixtures/documents/${name}`);
    const serial = await runCli(['--format', 'json', '--concurrency', '1', ...files]);
    expect(serial.code).toBe(2);
    const entries = parseJson(serial);
    expect(entries.map((entry) => entry.file)).toEqual(files);
    const fatalIds = entries.map((entry) => entry.diagnostics.filter((diagnostic) => (diagnostic as { fatal?: boolean }).fatal).map((diagnostic) => diagnostic.ruleId));
    expect(fatalIds.slice(0, 4)).toEqual([[], ['file-unreadable'], ['file-unreadable'], ['file-unsupported']]);
    expect(entries[1]!.diagnostics[0]!.message).toMatch(/^无法读取 test\/fixtures\/documents\/encrypted\.pdf：文件已加密/);
    expect(entries[2]!.diagnostics[0]!.message).toMatch(/扫描件/);
    // Bytes that crossed to a worker are checked exactly as on the main thread.
    expect((await runCli(['--format', 'json', '--concurrency', '2', ...files])).stdout).toBe(serial.stdout);
  }, 120_000);

  it('a file that cannot be read is file-unreadable, one that vanished file-not-found', async () => {
    const directory = temporaryDirectory();
    const task = { rules: {}, locale: 'en' as const, quiet: false };
    expect((await checkTask({ ...task, name: 'folder', path: directory })).result.diagnostics).toEqual([
      { ruleId: 'file-unreadable', severity: 'error', fatal: true, messageId: 'unreadable', args: { file: 'folder', reason: 'is a directory' }, message: 'cannot read folder: is a directory' },
    ]);
    const gone = await checkTask({ ...task, name: 'gone.txt', path: join(directory, 'gone.txt') });
    expect(gone).toMatchObject({ fatal: true, warningsFound: 0, notices: ['cannot read gone.txt: no such file'] });
    expect(gone.result).toMatchObject({ errorCount: 1, warningCount: 0, diagnostics: [{ ruleId: 'file-not-found' }] });
  });
});

describe('--format jsonl', () => {
  it('one JSON object per line, the same entries as json', async () => {
    const { directory, args } = mixedFolder();
    const lines = (await runCli(['--format', 'jsonl', ...args], { cwd: directory })).stdout;
    const json = parseJson(await runCli(['--format', 'json', ...args], { cwd: directory }));
    expect(lines.endsWith('\n')).toBe(true);
    expect(lines.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual(json);
  });

  it('--include-report adds the typed report to each line, as it does to json', async () => {
    const line = JSON.parse((await runCli(['--format', 'jsonl', '--include-report', seedPath('001')])).stdout) as JsonEntry & { report: { meta: { year: { value: number } } } };
    const json = parseJson(await runCli(['--format', 'json', '--include-report', seedPath('001')]))[0] as typeof line;
    expect(line).toEqual(json);
    expect(line.report.meta.year.value).toBe(parseReport(seed('001')).meta.year?.value);
  });

  it('streams: the first line is out before the last input has been read', async () => {
    const child = spawn(process.execPath, [BIN, '--format', 'jsonl', seedPath('000'), '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    const firstLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.includes('\n')) resolve(stdout);
      });
    });
    // Standard input stays open until the first file's line has arrived.
    const first = await firstLine;
    expect((JSON.parse(first.split('\n')[0] as string) as JsonEntry).file).toBe(seedPath('000'));
    child.stdin.end(seed('003'));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as JsonEntry).file)).toEqual([seedPath('000'), '<stdin>']);
  });
});

// Text with none of a report's parts: the structure rules always have something to say about it.
const NOT_A_REPORT = '这不是一份政府信息公开工作年度报告。\n';

describe('configuration', () => {
  // Seed 002, in the pre-2019 style: an error (legacy-format) and warnings (period-missing) to re-level.
  const LEGACY = seed('002');
  const ruleIds = (entry: JsonEntry | undefined): string[] => [...new Set((entry?.diagnostics ?? []).map((diagnostic) => diagnostic.ruleId))];

  it('is found from the working directory upward; --no-config and --config', async () => {
    const root = temporaryDirectory();
    mkdirSync(join(root, 'reports', 'deep'), { recursive: true });
    writeFileSync(join(root, 'xxgk-lint.config.json'), JSON.stringify({ rules: { 'legacy-format': 'off' }, locale: 'en', format: 'json' }));
    writeFileSync(join(root, 'reports', 'deep', 'a.txt'), LEGACY);
    const found = await runCli(['a.txt'], { cwd: join(root, 'reports', 'deep') });
    const entry = parseJson(found)[0];
    expect(ruleIds(entry)).not.toContain('legacy-format');
    // The file's locale and format, as the same flags would give.
    const flags = await runCli(['--no-config', '--locale', 'en', '--format', 'json', '--rule', 'legacy-format=off', 'a.txt'], { cwd: join(root, 'reports', 'deep') });
    expect(found.stdout).toBe(flags.stdout);
    // --no-config: the defaults (stylish output, Chinese, every rule on).
    const none = await runCli(['--no-config', '--format', 'json', 'a.txt'], { cwd: join(root, 'reports', 'deep') });
    expect(ruleIds(parseJson(none)[0])).toContain('legacy-format');
    // --config: that file and no other.
    writeFileSync(join(root, 'other.json'), JSON.stringify({ rules: { 'period-missing': 'off' } }));
    const other = parseJson(await runCli(['--config', join(root, 'other.json'), '--format', 'json', 'a.txt'], { cwd: join(root, 'reports', 'deep') }))[0];
    expect(ruleIds(other)).toContain('legacy-format');
    expect(ruleIds(other)).not.toContain('period-missing');
  });

  it('command-line flags override the file; overrides apply by path; --print-config shows the result', async () => {
    const root = temporaryDirectory();
    mkdirSync(join(root, '2019'));
    writeFileSync(
      join(root, 'xxgk-lint.config.json'),
      JSON.stringify({ format: 'json', rules: { 'legacy-format': 'warn' }, overrides: [{ files: ['2019/**'], rules: { 'legacy-format': 'off', 'period-missing': 'info' } }] }),
    );
    writeFileSync(join(root, 'now.txt'), LEGACY);
    writeFileSync(join(root, '2019', 'old.txt'), LEGACY);
    const entries = parseJson(await runCli(['now.txt', '2019/old.txt'], { cwd: root }));
    const levels = (entry: JsonEntry | undefined, rule: string): string[] => [...new Set(entry?.diagnostics.filter((diagnostic) => diagnostic.ruleId === rule).map((diagnostic) => diagnostic.severity))];
    expect(levels(entries[0], 'legacy-format')).toEqual(['warning']);
    expect(levels(entries[1], 'legacy-format')).toEqual([]);
    expect(levels(entries[1], 'period-missing')).toEqual(['info']);
    // --rule wins over the file and its overrides; --format over the file's format.
    const flagged = await runCli(['--rule', 'legacy-format=error', '--format', 'jsonl', '2019/old.txt'], { cwd: root });
    expect(levels(JSON.parse(flagged.stdout) as JsonEntry, 'legacy-format')).toEqual(['error']);

    const printed = await runCli(['--print-config', '2019/old.txt'], { cwd: root });
    expect(printed.code).toBe(0);
    const effective = JSON.parse(printed.stdout) as { configFile: string; format: string; rules: Record<string, string> };
    expect(effective.configFile).toBe(join(root, 'xxgk-lint.config.json'));
    expect(effective.format).toBe('json');
    expect(Object.keys(effective.rules)).toEqual(rules.map((rule) => rule.id));
    expect(effective.rules['legacy-format']).toBe('off');
    expect(effective.rules['period-missing']).toBe('info');
    expect(effective.rules['applications-balance']).toBe(rules.find((rule) => rule.id === 'applications-balance')?.defaultSeverity);
    expect((JSON.parse((await runCli(['--print-config', 'now.txt'], { cwd: root })).stdout) as typeof effective).rules['legacy-format']).toBe('warning');
  });

  it('an ES module config (default export) works like JSON', async () => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'xxgk-lint.config.mjs'), "export default { format: 'json', rules: { 'legacy-format': 'off' } };\n");
    writeFileSync(join(root, 'a.txt'), LEGACY);
    expect(ruleIds(parseJson(await runCli(['a.txt'], { cwd: root }))[0])).not.toContain('legacy-format');
  });

  it.each([
    [{ rulez: {} }, 'xxgk-lint: 配置文件 xxgk-lint.config.json 中有未知的键 rulez（是否指 rules？）\n'],
    [{ rules: { 'section-mising': 'off' } }, 'xxgk-lint: 配置文件 xxgk-lint.config.json 中有未知规则 section-mising（是否指 section-missing？）\n'],
    [{ overrides: [{ files: ['x/**'], rules: { 'tabel-missing': 'off' } }] }, 'xxgk-lint: 配置文件 xxgk-lint.config.json 中有未知规则 tabel-missing（是否指 table-missing？）\n'],
    [{ rules: { 'section-missing': 'loud' } }, /^xxgk-lint: 配置文件 xxgk-lint\.config\.json 中 rules\.section-missing 的值无效：.+\n$/],
    [{ format: 'xml' }, /^xxgk-lint: 配置文件 xxgk-lint\.config\.json 中 format 的值无效：.+\n$/],
  ])('a bad config %j is one clear error, exit 2', async (config, stderr) => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'xxgk-lint.config.json'), JSON.stringify(config));
    writeFileSync(join(root, 'a.txt'), NOT_A_REPORT);
    const run = await runCli(['a.txt'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof stderr === 'string') expect(run.stderr).toBe(stderr);
    else expect(run.stderr).toMatch(stderr);
  });

  it('a config that is not JSON, or a --config that does not exist: one line, exit 2', async () => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'xxgk-lint.config.json'), '{ rules: ');
    const broken = await runCli(['--locale', 'en', 'a.txt'], { cwd: root });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^xxgk-lint: cannot read configuration file xxgk-lint\.config\.json: .+\n$/);
    expect(await runCli(['--config', 'nope.json', 'a.txt'], { cwd: root })).toEqual({ code: 2, stdout: '', stderr: 'xxgk-lint: 找不到配置文件 nope.json\n' });
  });

  it('.xxgklintignore (gitignore syntax) leaves files out of directories; a file named outright is still checked', async () => {
    const root = temporaryDirectory();
    mkdirSync(join(root, 'reports', 'drafts'), { recursive: true });
    for (const name of ['reports/a.txt', 'reports/b.txt', 'reports/drafts/c.txt']) writeFileSync(join(root, name), NOT_A_REPORT);
    writeFileSync(join(root, '.xxgklintignore'), '# drafts are not published\ndrafts/\n/reports/b.txt\n');
    const files = async (...args: string[]): Promise<string[]> => parseJson(await runCli(['--format', 'json', ...args], { cwd: root })).map((entry) => entry.file);
    expect(await files('reports')).toEqual([join('reports', 'a.txt')]);
    expect(await files('reports/b.txt')).toEqual(['reports/b.txt']);
    // A folder whose every file the ignore file leaves out: the message names the ignore file, not --ignore-pattern.
    const drafts = await runCli(['--format', 'json', 'reports/drafts'], { cwd: root });
    expect(drafts.stderr).toBe(`xxgk-lint: ${join('reports', 'drafts')} 中的文件都被 .xxgklintignore 排除了\n`);
    const english = await runCli(['--format', 'json', '--locale', 'en', '--ignore-pattern', 'reports/a.txt', 'reports/*.txt'], { cwd: root });
    expect(english.stderr).toBe("xxgk-lint: every file of reports/*.txt is left out by .xxgklintignore and an --ignore-pattern or the configuration's ignorePatterns\n");
  });
});

/** Seed 001 with a planted fault: 7 new applications from natural persons, the total still 6. */
const planted = (): string => seed('001').replace(/(一、本年新收政府信息公开申请数量 \| )6( \|)/, '$17$2');

describe('baselines', () => {
  it('write, apply across a line shift, report a new finding from an edited cell, then prune', async () => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'report.txt'), planted());
    const before = parseJson(await runCli(['--format', 'json', 'report.txt'], { cwd: root }))[0]!;
    expect(before.errorCount).toBeGreaterThan(0);

    const written = await runCli(['--write-baseline', 'baseline.json', 'report.txt'], { cwd: root });
    expect(written.stderr).toContain(`已将 ${before.diagnostics.length} 条问题写入基线 baseline.json`);
    const baseline = JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')) as { version: number; files: Record<string, Record<string, { count: number; fingerprints: Record<string, number> }>> };
    expect(baseline.version).toBe(1);
    expect(Object.keys(baseline.files)).toEqual(['report.txt']);
    const recorded = Object.values(baseline.files['report.txt'] ?? {}).reduce((sum, entry) => sum + entry.count, 0);
    expect(recorded).toBe(before.diagnostics.length);

    // Lines inserted above every finding: they are still the known ones.
    writeFileSync(join(root, 'report.txt'), `\n\n\n${planted()}`);
    const shifted = await runCli(['--format', 'json', '--baseline', 'baseline.json', 'report.txt'], { cwd: root });
    expect(shifted.code).toBe(0);
    const shiftedEntry = parseJson(shifted)[0] as JsonEntry & { suppressed: { ruleId: string; suppressions: unknown[] }[] };
    expect(shiftedEntry.diagnostics).toEqual([]);
    expect(shiftedEntry.suppressed.map((diagnostic) => diagnostic.ruleId)).toEqual(before.diagnostics.map((diagnostic) => diagnostic.ruleId));
    expect(shiftedEntry.suppressed[0]?.suppressions).toEqual([{ kind: 'baseline' }]);

    // A second cell edited: the finding it causes is new and reported; the known ones stay suppressed.
    const edited = `\n\n\n${planted().replace(/(二、上年结转政府信息公开申请数量 \| )0( \|)/, '$12$2')}`;
    writeFileSync(join(root, 'report.txt'), edited);
    const withNew = await runCli(['--format', 'json', '--baseline', 'baseline.json', 'report.txt'], { cwd: root });
    expect(withNew.code).toBe(1);
    const newEntry = parseJson(withNew)[0]!;
    expect(newEntry.diagnostics.some((diagnostic) => diagnostic.ruleId === 'applications-row-total' && (diagnostic as { row?: string }).row === 'carriedOver')).toBe(true);
    expect(newEntry.diagnostics.every((diagnostic) => (diagnostic as { row?: string }).row !== 'received')).toBe(true);

    // SARIF: suppressed results carry suppressions, and the same fingerprint as when reported.
    const sarif = JSON.parse((await runCli(['--format', 'sarif', '--baseline', 'baseline.json', 'report.txt'], { cwd: root })).stdout) as SarifLog;
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
    const suppressedResults = sarif.runs[0]!.results.filter((result) => result.suppressions);
    expect(suppressedResults.length).toBeGreaterThan(0);
    expect(suppressedResults[0]?.suppressions).toEqual([{ kind: 'external', status: 'accepted' }]);
    writeFileSync(join(root, 'report.txt'), edited);
    const unsuppressed = JSON.parse((await runCli(['--format', 'sarif', 'report.txt'], { cwd: root })).stdout) as SarifLog;
    expect(unsuppressed.runs[0]!.results.map((result) => result.partialFingerprints)).toEqual(sarif.runs[0]!.results.map((result) => result.partialFingerprints));

    // The first fault fixed: its entries are stale, reported, and --prune-baseline removes them.
    writeFileSync(join(root, 'report.txt'), seed('001'));
    const stale = await runCli(['--baseline', 'baseline.json', 'report.txt'], { cwd: root });
    expect(stale.code).toBe(0);
    expect(stale.stderr).toContain(`基线 baseline.json 中有 ${recorded} 条记录已不再出现（用 --prune-baseline 删除）`);
    const pruned = await runCli(['--baseline', 'baseline.json', '--prune-baseline', 'report.txt'], { cwd: root });
    expect(pruned.stderr).toContain(`已从基线 baseline.json 中删除 ${recorded} 条过期记录`);
    expect(JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8'))).toEqual({ version: 1, files: {} });
  });

  it('keeps each entry’s reason, and SARIF gives it as the justification', async () => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'report.txt'), planted());
    await runCli(['--write-baseline', 'baseline.json', 'report.txt'], { cwd: root });
    const baseline = JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')) as { files: Record<string, Record<string, { reason?: string }>> };
    for (const entry of Object.values(baseline.files['report.txt'] ?? {})) entry.reason = '上报系统导出错误，已函告';
    writeFileSync(join(root, 'baseline.json'), JSON.stringify(baseline));
    const sarif = JSON.parse((await runCli(['--format', 'sarif', '--baseline', 'baseline.json', 'report.txt'], { cwd: root })).stdout) as SarifLog;
    expect(sarif.runs[0]!.results.every((result) => result.suppressions?.[0]?.justification === '上报系统导出错误，已函告')).toBe(true);
    // Rewriting the baseline keeps the reasons.
    await runCli(['--baseline', 'baseline.json', '--write-baseline', 'baseline.json', 'report.txt'], { cwd: root });
    const rewritten = JSON.parse(readFileSync(join(root, 'baseline.json'), 'utf8')) as typeof baseline;
    expect(Object.values(rewritten.files['report.txt'] ?? {}).map((entry) => entry.reason)).toEqual(Object.values(baseline.files['report.txt'] ?? {}).map(() => '上报系统导出错误，已函告'));
  });

  it('a baseline that is not one: one line, exit 2', async () => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'baseline.json'), '{"files": 3}');
    const run = await runCli(['--baseline', 'baseline.json', '-'], { cwd: root, input: NOT_A_REPORT });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^xxgk-lint: 无法读取基线文件 baseline\.json：.+\n$/);
  });
});

/** A folder of 40 reports: the seeds, each a few times, some with a planted fault. */
function corpus(): string {
  const directory = temporaryDirectory();
  for (let index = 0; index < 40; index++) {
    const id = `00${index % 5}`;
    const text = index % 7 === 3 ? planted() : seed(id);
    writeFileSync(join(directory, `r${String(index).padStart(2, '0')}.txt`), text);
  }
  writeFileSync(join(directory, 'r99.txt'), BINARY);
  return directory;
}

describe('--concurrency', () => {
  it('output is byte-identical to a serial run, in every format, in the order of the inputs', async () => {
    const directory = corpus();
    for (const format of ['json', 'sarif', 'jsonl', 'csv', 'stylish']) {
      const serial = await runCli(['--format', format, '--concurrency', '1', '.'], { cwd: directory });
      const parallel = await runCli(['--format', format, '--concurrency', '2', '.'], { cwd: directory });
      expect(serial.stdout.length).toBeGreaterThan(0);
      expect(parallel.stdout).toBe(serial.stdout);
      expect(parallel.code).toBe(serial.code);
      expect(parallel.stderr).toBe(serial.stderr);
      // The default (auto) uses workers for a folder this size: the same output again.
      if (format === 'json') expect((await runCli(['--format', format, '.'], { cwd: directory })).stdout).toBe(serial.stdout);
    }
  }, 240_000);

  it('what the workers format themselves (coloured stylish, --include-report, --cells rows) is the serial run’s, byte for byte', async () => {
    const directory = corpus();
    for (const args of [['--format', 'stylish', '--color'], ['--format', 'jsonl', '--include-report']]) {
      const serial = await runCli([...args, '--concurrency', '1', '.'], { cwd: directory });
      const parallel = await runCli([...args, '--concurrency', '2', '.'], { cwd: directory });
      expect(serial.stdout.length).toBeGreaterThan(0);
      expect(parallel.stdout).toBe(serial.stdout);
    }
    for (const cells of ['cells.csv', 'cells.jsonl']) {
      await runCli(['--format', 'json', '--cells', `serial-${cells}`, '--concurrency', '1', '.'], { cwd: directory });
      await runCli(['--format', 'json', '--cells', `parallel-${cells}`, '--concurrency', '2', '.'], { cwd: directory });
      const serial = readFileSync(join(directory, `serial-${cells}`), 'utf8');
      expect(serial.split('\n').length).toBeGreaterThan(40);
      expect(readFileSync(join(directory, `parallel-${cells}`), 'utf8')).toBe(serial);
    }
  }, 240_000);

  it('refuses a concurrency that is not a number or auto', async () => {
    expect((await runCli(['--concurrency', 'lots', 'a.txt'])).stderr).toBe('xxgk-lint: --concurrency 须为 auto 或 1 到 999 的整数，而不是 lots；运行 xxgk-lint --help 查看用法\n');
  });
});

describe('--cache', () => {
  it('a re-run takes unchanged files from the cache; an edit, a new level or a new version checks again', async () => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'a.txt'), planted());
    writeFileSync(join(root, 'b.txt'), seed('000'));
    const first = await runCli(['--format', 'json', '--cache', 'a.txt', 'b.txt'], { cwd: root });
    const cacheFile = join(root, 'node_modules/.cache/xxgk-lint/cache.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version: string; entries: Record<string, { outcome: { result: { diagnostics: { message: string }[] } } }> };
    expect(Object.keys(cache.entries).sort()).toEqual([join(root, 'a.txt'), join(root, 'b.txt')]);
    // Plant a marker in the cached result: a re-run that shows it did not check the file again.
    const entry = cache.entries[join(root, 'a.txt')]!;
    entry.outcome.result.diagnostics[0]!.message = 'FROM THE CACHE';
    writeFileSync(cacheFile, JSON.stringify(cache));
    const second = await runCli(['--format', 'json', '--cache', 'a.txt', 'b.txt'], { cwd: root });
    expect(parseJson(second)[0]?.diagnostics[0]?.message).toBe('FROM THE CACHE');
    expect(parseJson(second)[1]).toEqual(parseJson(first)[1]);
    // Another rule level: the key changes, the file is checked again.
    const leveled = await runCli(['--format', 'json', '--cache', '--rule', 'section-order=warning', 'a.txt'], { cwd: root });
    expect(parseJson(leveled)[0]?.diagnostics[0]?.message).toBe(parseJson(first)[0]?.diagnostics[0]?.message);
    // An edited file: checked again.
    writeFileSync(cacheFile, JSON.stringify(cache));
    writeFileSync(join(root, 'a.txt'), `${planted()}\n`);
    expect(parseJson(await runCli(['--format', 'json', '--cache', 'a.txt'], { cwd: root }))[0]?.diagnostics[0]?.message).not.toBe('FROM THE CACHE');
    // A cache written by another version: discarded whole.
    writeFileSync(join(root, 'a.txt'), planted());
    writeFileSync(cacheFile, JSON.stringify({ ...cache, version: '0.0.0-other' }));
    expect(parseJson(await runCli(['--format', 'json', '--cache', 'a.txt'], { cwd: root }))[0]?.diagnostics[0]?.message).not.toBe('FROM THE CACHE');
    // Without --cache the cache is not read.
    writeFileSync(cacheFile, JSON.stringify(cache));
    expect(parseJson(await runCli(['--format', 'json', 'a.txt'], { cwd: root }))[0]?.diagnostics[0]?.message).not.toBe('FROM THE CACHE');
  });
});

describe('--cache gives the output a run without it gives', () => {
  // Each form the examples come in, amounts (Decimals) included; stylish fills the cache first, so
  // the other formats find results stored without what they show (the report, its cells).
  const examples = ['docs/examples/shangdang-2024.txt', 'docs/examples/huaian-2024.pdf', 'docs/examples/pingtan-2024.html', 'docs/examples/template-2021.docx'];
  const variants: readonly (readonly string[])[] = [
    ['-f', 'stylish'],
    ['-f', 'html'],
    ['-f', 'json', '--include-report'],
    ['-f', 'sarif'],
    ['-f', 'csv'],
    ['-f', 'json', '--cells', 'cells.csv'],
    ['-f', 'html', '--include-report', '--cells', 'cells.jsonl'],
  ];
  // 21 runs of four documents: more than the 60 s of the others on a loaded machine.
  it('byte for byte, in every format, from a cache filled by another format and by its own', { timeout: 240_000 }, async () => {
    const root = temporaryDirectory();
    const inputs = examples.map((example) => join(ROOT, example));
    const outputsOf = (cellsFile: string | undefined): string[] => [
      readFileSync(join(root, 'out'), 'utf8'),
      ...(cellsFile !== undefined ? [readFileSync(join(root, cellsFile), 'utf8')] : []),
    ];
    for (const variant of variants) {
      const cellsFile = variant.includes('--cells') ? variant[variant.indexOf('--cells') + 1] : undefined;
      const plain = await runCli(['--no-config', ...variant, '-o', 'out', ...inputs], { cwd: root });
      expect(plain.stderr).toBe('');
      const expected = outputsOf(cellsFile);
      for (const pass of ['fills or finds', 'finds']) {
        const cached = await runCli(['--no-config', '--cache', ...variant, '-o', 'out', ...inputs], { cwd: root });
        expect({ variant, pass, code: cached.code, stderr: cached.stderr }).toEqual({ variant, pass, code: plain.code, stderr: '' });
        expect(outputsOf(cellsFile)).toEqual(expected);
      }
    }
  });
});

/** RFC 4180 rows, as a spreadsheet reads them: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index++;
    } else field += char;
  }
  return rows;
}

describe('--format csv', () => {
  it('UTF-8 with a BOM, a header, one row per finding that agrees with the JSON', async () => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'report.txt'), planted());
    writeFileSync(join(root, 'image.txt'), BINARY);
    const run = await runCli(['--format', 'csv', 'report.txt', 'image.txt'], { cwd: root });
    expect(run.stdout.startsWith('\uFEFFfile,agency,year,rule,')).toBe(true);
    const [header, ...rows] = parseCsv(run.stdout.slice(1));
    // The columns of earlier versions first, in their order; the document places (page, table cell) appended.
    expect(header).toEqual(['file', 'agency', 'year', 'rule', 'severity', 'table', 'row', 'column', 'expected', 'actual', 'line', 'textColumn', 'message', 'page', 'cellTable', 'cellRow', 'cellColumn']);
    const json = parseJson(await runCli(['--format', 'json', 'report.txt', 'image.txt'], { cwd: root }));
    const expected = json.flatMap((entry) => entry.diagnostics.map((diagnostic) => ({ entry, diagnostic })));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, index) => {
      const { entry, diagnostic } = expected[index]!;
      const record = Object.fromEntries(header!.map((name, column) => [name, row[column]]));
      expect(record.file).toBe(entry.file);
      expect(record.rule).toBe(diagnostic.ruleId);
      expect(record.severity).toBe(diagnostic.severity);
      expect(record.message).toBe(diagnostic.message);
      expect(record.line).toBe(diagnostic.span ? String(diagnostic.span.line) : '');
    });
    const reportRows = rows.filter((row) => row[0] === 'report.txt');
    expect(reportRows.every((row) => /\S/.test(row[1] ?? '') && /^20\d\d$/.test(row[2] ?? ''))).toBe(true);
    expect(rows.at(-1)?.slice(0, 5)).toEqual(['image.txt', '', '', 'file-undecodable', 'error']);
  });
});

describe('--list-rules', () => {
  it('prints every rule with its default level and description, in the locale', async () => {
    const chinese = await runCli(['--list-rules']);
    expect(chinese.code).toBe(0);
    const lines = chinese.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(rules.map((rule) => rule.id));
    lines.forEach((line, index) => expect(line).toContain(rules[index]!.description['zh-CN']));
    const english = await runCli(['--list-rules', '--locale', 'en']);
    english.stdout
      .trimEnd()
      .split('\n')
      .forEach((line, index) => expect(line).toMatch(new RegExp(`^${rules[index]!.id} +${rules[index]!.defaultSeverity} +`)));
  });
});

describe('--cells', () => {
  it('every cell of the template, as CSV (with BOM) or JSON Lines, agreeing with the typed report', async () => {
    const root = temporaryDirectory();
    writeFileSync(join(root, 'report.txt'), planted());
    writeFileSync(join(root, 'image.txt'), BINARY);
    const run = await runCli(['--format', 'json', '--cells', 'out/cells.csv', 'report.txt', 'image.txt'], { cwd: root });
    expect(run.code).toBe(2);
    await runCli(['--cells', 'cells.jsonl', 'report.txt'], { cwd: root });
    const csv = readFileSync(join(root, 'out/cells.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFfile,agency,year,format,table,rowKey,rowLabel,columnKey,columnLabel,value,status,inferred,line\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    const records = readFileSync(join(root, 'cells.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(records.length);
    rows.forEach((row, index) => {
      const record = records[index]!;
      header!.forEach((name, column) => expect(row[column]).toBe(record[name] === undefined ? '' : String(record[name])));
    });
    // The template's every cell is there once; the file that could not be checked has none.
    const report = parseReport(planted());
    const template = TEMPLATES[report.meta.formatVersion];
    const cellCount = Object.values(template.tables).reduce((sum, table) => sum + (table?.rows.reduce((rowSum, row) => rowSum + row.columns.length, 0) ?? 0), 0);
    expect(records.filter((record) => record.status !== 'ambiguous' && record.status !== 'unplaced')).toHaveLength(cellCount);
    expect(records.every((record) => record.file === 'report.txt' && record.format === report.meta.formatVersion && record.year === report.meta.year?.value)).toBe(true);
    expect(records.find((record) => record.table === 'applications' && record.rowKey === 'received' && record.columnKey === 'naturalPerson')).toMatchObject({
      value: 7,
      status: 'count',
      rowLabel: '本年新收政府信息公开申请数量',
      columnLabel: '自然人',
    });
    const fee = records.find((record) => record.table === 'activeDisclosure' && record.columnKey === 'amountWanYuan');
    expect(fee).toMatchObject({ value: '779.508355', status: 'amount' });
  });

  it('refuses a cells file that is neither .csv nor .jsonl', async () => {
    expect((await runCli(['--cells', 'cells.xlsx', 'a.txt'])).stderr).toBe('xxgk-lint: --cells 的文件须以 .csv 或 .jsonl 结尾，而不是 cells.xlsx；运行 xxgk-lint --help 查看用法\n');
  });
});
