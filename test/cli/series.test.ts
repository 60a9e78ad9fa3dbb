import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sarifErrors } from '../format/sarif-validator.js';
import { copiedWithTitleChanged } from '../series/copied.js';
import { ROOT, parseJson, runCli, temporaryDirectory } from './run-cli.js';
import type { JsonEntry } from './run-cli.js';

// Each test spawns the bin; a loaded machine can take seconds per spawn.
vi.setConfig({ testTimeout: 60_000 });

const SERIES_RULES = new Set(['carry-over-mismatch', 'in-force-drift', 'text-repeated', 'numbers-repeated', 'year-mismatch']);

/** A folder with Pingtan's 2021 report and the same report copied as 2022 with its title changed. */
function copiedPair(): string {
  const folder = temporaryDirectory();
  copyFileSync(join(ROOT, 'test/fixtures/corpus/004.txt'), join(folder, '2021.txt'));
  writeFileSync(join(folder, '2022.txt'), copiedWithTitleChanged());
  return folder;
}

describe('xxgk-lint on several years of one agency', () => {
  it('--previous: compares the report with last year’s and points at both files', async () => {
    const folder = copiedPair();
    const run = await runCli(['--format', 'json', '--previous', '2021.txt', '2022.txt'], { cwd: folder });
    const [entry, ...others] = parseJson(run);
    expect(others).toEqual([]);
    expect(entry?.file).toBe('2022.txt');
    const found = (entry?.diagnostics ?? []).filter((diagnostic) => SERIES_RULES.has(diagnostic.ruleId)) as unknown as {
      ruleId: string;
      related?: { uri?: string }[];
    }[];
    expect([...new Set(found.map((diagnostic) => diagnostic.ruleId))].sort()).toEqual(['carry-over-mismatch', 'numbers-repeated', 'text-repeated', 'year-mismatch']);
    const repeated = found.find((diagnostic) => diagnostic.ruleId === 'text-repeated');
    expect(repeated?.related?.some((place) => place.uri === '2021.txt')).toBe(true);
  });

  it('--series groups the reports of one run by agency and year: the later report gets a second entry with the comparison', async () => {
    const folder = copiedPair();
    const run = await runCli(['--format', 'json', '--series', '2022.txt', '2021.txt'], { cwd: folder });
    const entries = parseJson(run);
    expect(entries.map((entry) => entry.file)).toEqual(['2022.txt', '2021.txt', '2022.txt']);
    // The first entries: each file's own checks (year-mismatch reads one text); the last: the comparison.
    expect(entries[0]?.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'year-mismatch').length).toBeGreaterThan(0);
    expect([...new Set(entries[2]?.diagnostics.map((diagnostic) => diagnostic.ruleId))].sort()).toEqual(['carry-over-mismatch', 'numbers-repeated', 'text-repeated']);
    expect(entries[2]?.warningCount).toBe(entries[2]?.diagnostics.length);
  });

  it('--series says on stderr why two reports of one agency were not compared, as --previous does', async () => {
    const folder = temporaryDirectory();
    copyFileSync(join(ROOT, 'test/fixtures/corpus/004.txt'), join(folder, 'a.txt'));
    copyFileSync(join(ROOT, 'test/fixtures/corpus/004.txt'), join(folder, 'b.txt'));
    const run = await runCli(['--format', 'json', '--locale', 'en', '--series', 'a.txt', 'b.txt'], { cwd: folder });
    expect(parseJson(run).map((entry) => entry.file)).toEqual(['a.txt', 'b.txt']);
    expect(run.stderr).toBe('xxgk-lint: --series: b.txt was not compared with a.txt: both are reports on 2021\n');
  });

  it('pairs one agency named with and without its city: 洪泽区人民政府 (2023) and 淮安市洪泽区人民政府 (2024)', async () => {
    const corpus = join(ROOT, 'test/fixtures/corpus');
    const previous = await runCli(['--format', 'json', '--previous', `${corpus}/001.txt`, `${corpus}/002.txt`]);
    expect(previous.stderr).toBe('');
    // The same 2023 report under the longer name: --series groups the two (and says they are one year's).
    const folder = temporaryDirectory();
    copyFileSync(join(corpus, '001.txt'), join(folder, 'short.txt'));
    const text = readFileSync(join(corpus, '001.txt'), 'utf8');
    writeFileSync(join(folder, 'long.txt'), text.replace('\n洪泽区人民政府\n', '\n淮安市洪泽区人民政府\n'));
    expect(readFileSync(join(folder, 'long.txt'), 'utf8')).not.toBe(text);
    const series = await runCli(['--format', 'json', '--locale', 'en', '--series', 'short.txt', 'long.txt'], { cwd: folder });
    expect(series.stderr).toBe('xxgk-lint: --series: long.txt was not compared with short.txt: both are reports on 2023\n');
  });

  it('shows the comparison in stylish; --rule sets its level', async () => {
    const folder = copiedPair();
    const run = await runCli(['--previous', '2021.txt', '2022.txt'], { cwd: folder });
    expect(run.stdout).toContain('正文有 100% 与2021年度报告重复');
    expect(run.stdout).toContain('text-repeated');
    const off = await runCli(['--previous', '2021.txt', '--rule', 'text-repeated=off', '2022.txt'], { cwd: folder });
    expect(off.stdout).not.toContain('text-repeated');
    expect(off.stdout).toContain('carry-over-mismatch');
  });

  it('SARIF: relatedLocations name the other file’s URI; the log is valid', async () => {
    const folder = copiedPair();
    const run = await runCli(['--format', 'sarif', '--previous', '2021.txt', '2022.txt'], { cwd: folder });
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    const carry = log.runs[0]?.results.find((result) => result.ruleId === 'carry-over-mismatch');
    expect(carry?.relatedLocations?.map((place) => place.physicalLocation.artifactLocation.uri)).toEqual(['2021.txt']);
  });

  it('says on stderr when --previous is not last year’s report, and compares nothing', async () => {
    const folder = copiedPair();
    const reversed = await runCli(['--format', 'json', '--previous', '2022.txt', '2021.txt'], { cwd: folder });
    expect(reversed.stderr).toBe('xxgk-lint: 2021.txt 未与 --previous 2022.txt 比较：--previous 应为上一年度的报告，而它是 2022 年度的，晚于 2021\n');
    expect(seriesRuleIds(parseJson(reversed)[0])).toEqual([]);
    const same = await runCli(['--format', 'json', '--locale', 'en', '--previous', '2021.txt', '2021.txt'], { cwd: folder });
    expect(same.stderr).toBe('xxgk-lint: 2021.txt was not compared with --previous 2021.txt: both are reports on 2021\n');
    writeFileSync(join(folder, '2024.txt'), copiedWithTitleChanged().replaceAll('2022年度', '2024年度'));
    const gap = await runCli(['--format', 'json', '--previous', '2021.txt', '2024.txt'], { cwd: folder });
    expect(gap.stderr).toBe('xxgk-lint: 2024.txt 未与 --previous 2021.txt 比较：报告年度 2024 与 2021 不相邻\n');
  });

  it('a --previous that cannot be read is a failure, exit 2; the file is still checked', async () => {
    const folder = copiedPair();
    const run = await runCli(['--format', 'json', '--previous', 'missing.txt', '2022.txt'], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.txt');
    // Every input is accounted for: the missing one as a fatal entry, then the file checked.
    expect(parseJson(run).map((entry) => entry.file)).toEqual(['missing.txt', '2022.txt']);
  });

  it('shows a suggested correction in JSON (structured) and SARIF (properties)', async () => {
    const folder = temporaryDirectory();
    // Seed 001: the received total written 7 for 6 natural persons — the row and the total column both break.
    const text = readFileSync(join(ROOT, 'test/fixtures/seeds/001.txt'), 'utf8');
    const planted = text.replace('一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |', '一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 7 |');
    expect(planted).not.toBe(text);
    writeFileSync(join(folder, 'r.txt'), planted);
    const json = parseJson(await runCli(['--format', 'json', 'r.txt'], { cwd: folder }));
    const suggested = (json[0]?.diagnostics ?? []).filter((diagnostic) => diagnostic.messageId === 'mismatch-suggested') as unknown as { suggestion: unknown; message: string }[];
    expect(suggested.length).toBe(2);
    for (const diagnostic of suggested) {
      expect(diagnostic.suggestion).toEqual({ cell: { table: 'applications', row: 'received', column: 'total' }, value: '6', current: '7', kind: 'value' });
      expect(diagnostic.message).toContain('若“一、本年新收政府信息公开申请数量”·“总计”为 6（现为 7），则所有勾稽关系成立。');
    }
    const sarif = JSON.parse((await runCli(['--format', 'sarif', 'r.txt'], { cwd: folder })).stdout) as { runs: { results: { properties: { suggestion?: unknown } }[] }[] };
    expect(sarif.runs[0]?.results.filter((result) => result.properties.suggestion !== undefined).length).toBe(2);
  });

  it('--published-on: the date given is judged against the deadline of the agency’s kind', async () => {
    // Seed 000: a 区 government office (a department: due 31 January), published 7 January.
    const onTime = parseJson(await runCli(['--format', 'json', 'test/fixtures/seeds/000.txt']));
    expect(onTime[0]?.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'published-late')).toEqual([]);
    const late = parseJson(await runCli(['--format', 'json', '--published-on', '2025-02-07', 'test/fixtures/seeds/000.txt']));
    expect(late[0]?.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'published-late').map((diagnostic) => diagnostic.message)).toEqual([
      '2024 年度报告于 2025-02-07 发布，晚于县级以上人民政府部门的发布期限 2025-01-31（《政府信息公开条例》第四十九条）。',
    ]);
    const off = parseJson(await runCli(['--format', 'json', '--published-on', '2025-02-07', '--rule', 'published-late=off', 'test/fixtures/seeds/000.txt']));
    expect(off[0]?.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'published-late')).toEqual([]);
    const bad = await runCli(['--published-on', '2025-02-30', 'test/fixtures/seeds/000.txt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--published-on 须为日期 YYYY-MM-DD，而不是 2025-02-30');
  });

  it('compares web pages by their text, not their markup', async () => {
    const folder = temporaryDirectory();
    copyFileSync(join(ROOT, 'test/fixtures/corpus/004.html'), join(folder, '2021.html'));
    writeFileSync(join(folder, '2022.html'), readFileSync(join(ROOT, 'test/fixtures/corpus/004.html'), 'utf8').replaceAll('2021年度政府信息公开工作年度报告', '2022年度政府信息公开工作年度报告'));
    const [entry] = parseJson(await runCli(['--format', 'json', '--previous', '2021.html', '2022.html'], { cwd: folder }));
    const rules = new Set(entry?.diagnostics.map((diagnostic) => diagnostic.ruleId));
    for (const id of ['carry-over-mismatch', 'in-force-drift', 'numbers-repeated', 'text-repeated', 'year-mismatch']) expect(rules.has(id), id).toBe(true);
    for (const diagnostic of entry?.diagnostics.filter((found) => found.ruleId === 'year-mismatch') ?? []) expect(diagnostic.message).not.toMatch(/[<>]/);
  });
});

/** Pingtan's 2021 report, and the same report copied as 2022 under a new name of the agency (平潭综合实验区 → 平潭新区). */
function renamedPair(): string {
  const folder = temporaryDirectory();
  mkdirSync(join(folder, 'old'));
  mkdirSync(join(folder, 'new'));
  copyFileSync(join(ROOT, 'test/fixtures/corpus/004.txt'), join(folder, 'old', '2021.txt'));
  const renamed = copiedWithTitleChanged().replaceAll('平潭综合实验区', '平潭新区');
  expect(renamed).toContain('平潭新区2022年度政府信息公开工作年度报告');
  writeFileSync(join(folder, 'new', '2022.txt'), renamed);
  return folder;
}

const seriesRuleIds = (entry: JsonEntry | undefined): string[] => [...new Set((entry?.diagnostics ?? []).map((diagnostic) => diagnostic.ruleId).filter((id) => SERIES_RULES.has(id) && id !== 'year-mismatch'))].sort();

describe('the configuration’s series settings (overrides: agencyId, publishedOn, summaryOf)', () => {
  it('agencyId: reports under two names of one agency are one agency in --series and --previous; the configuration is found from a subfolder', async () => {
    const folder = renamedPair();
    // Two names, no id: two agencies, nothing compared.
    const apart = parseJson(await runCli(['--format', 'json', '--series', 'old/2021.txt', 'new/2022.txt'], { cwd: folder }));
    expect(apart.map((entry) => entry.file)).toEqual(['old/2021.txt', 'new/2022.txt']);
    const apartRun = await runCli(['--format', 'json', '--previous', 'old/2021.txt', 'new/2022.txt'], { cwd: folder });
    expect(seriesRuleIds(parseJson(apartRun)[0])).toEqual([]);
    // A comparison asked for and not made is said, with what to do about it.
    expect(apartRun.stderr).toBe(
      'xxgk-lint: new/2022.txt 未与 --previous old/2021.txt 比较：两份报告的机关名称不同（机关改名时，可在配置文件的 overrides 中为两者写同一个 agencyId）\n',
    );

    writeFileSync(join(folder, 'xxgk-lint.config.json'), JSON.stringify({ overrides: [{ files: ['old/**', 'new/**'], agencyId: 'pingtan' }] }));
    mkdirSync(join(folder, 'work'));
    // Run from a subfolder: the configuration is found above it, its globs are relative to its own folder.
    const together = parseJson(await runCli(['--format', 'json', '--series', '../old/2021.txt', '../new/2022.txt'], { cwd: join(folder, 'work') }));
    expect(together.map((entry) => entry.file)).toEqual(['../old/2021.txt', '../new/2022.txt', '../new/2022.txt']);
    expect(seriesRuleIds(together[2])).toEqual(['carry-over-mismatch', 'numbers-repeated', 'text-repeated']);
    const previous = parseJson(await runCli(['--format', 'json', '--previous', 'old/2021.txt', 'new/2022.txt'], { cwd: folder }));
    expect(seriesRuleIds(previous[0])).toEqual(['carry-over-mismatch', 'numbers-repeated', 'text-repeated']);

    const printed = JSON.parse((await runCli(['--print-config', 'new/2022.txt'], { cwd: folder })).stdout) as { agencyId?: string };
    expect(printed.agencyId).toBe('pingtan');
  });

  it('the rule levels of the configuration and its overrides apply to the series findings on each file', async () => {
    const folder = copiedPair();
    writeFileSync(join(folder, 'xxgk-lint.config.json'), JSON.stringify({ rules: { 'numbers-repeated': 'off' }, overrides: [{ files: ['2022.txt'], rules: { 'text-repeated': 'error' } }] }));
    const [entry] = parseJson(await runCli(['--format', 'json', '--previous', '2021.txt', '2022.txt'], { cwd: folder }));
    expect(seriesRuleIds(entry)).toEqual(['carry-over-mismatch', 'text-repeated']);
    expect(entry?.diagnostics.find((diagnostic) => diagnostic.ruleId === 'text-repeated')?.severity).toBe('error');
    const grouped = parseJson(await runCli(['--format', 'json', '--series', '2021.txt', '2022.txt'], { cwd: folder }));
    expect(seriesRuleIds(grouped[2])).toEqual(['carry-over-mismatch', 'text-repeated']);
    expect(grouped[2]?.errorCount).toBe(1);
  });

  it('publishedOn: the date of a file, for published-late; --published-on wins over it', async () => {
    const folder = temporaryDirectory();
    mkdirSync(join(folder, 'late'));
    // Seed 000: a 区 government office (a department: due 31 January), its page dated 7 January.
    copyFileSync(join(ROOT, 'test/fixtures/seeds/000.txt'), join(folder, 'late', '000.txt'));
    copyFileSync(join(ROOT, 'test/fixtures/seeds/000.txt'), join(folder, '000.txt'));
    writeFileSync(join(folder, 'xxgk-lint.config.json'), JSON.stringify({ overrides: [{ files: ['late/**'], publishedOn: '2025-02-07' }] }));
    const late = (entries: JsonEntry[], file: string): string[] =>
      entries.find((entry) => entry.file === file)?.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'published-late').map((diagnostic) => diagnostic.message) ?? [];
    const entries = parseJson(await runCli(['--format', 'json', '000.txt', 'late/000.txt'], { cwd: folder }));
    expect(late(entries, '000.txt')).toEqual([]);
    expect(late(entries, 'late/000.txt')).toEqual(['2024 年度报告于 2025-02-07 发布，晚于县级以上人民政府部门的发布期限 2025-01-31（《政府信息公开条例》第四十九条）。']);
    const flag = parseJson(await runCli(['--format', 'json', '--published-on', '2025-01-10', 'late/000.txt'], { cwd: folder }));
    expect(late(flag, 'late/000.txt')).toEqual([]);
    // The cache keys on the date: a date changed in the configuration is not served an old result.
    const cached = parseJson(await runCli(['--format', 'json', '--cache', 'late/000.txt'], { cwd: folder }));
    expect(late(cached, 'late/000.txt')).toHaveLength(1);
    writeFileSync(join(folder, 'xxgk-lint.config.json'), JSON.stringify({ overrides: [{ files: ['late/**'], publishedOn: '2025-01-08' }] }));
    expect(late(parseJson(await runCli(['--format', 'json', '--cache', 'late/000.txt'], { cwd: folder })), 'late/000.txt')).toEqual([]);
    const printed = JSON.parse((await runCli(['--print-config', 'late/000.txt'], { cwd: folder })).stdout) as { publishedOn?: string };
    expect(printed.publishedOn).toBe('2025-01-08');
  });

  it('a bad agencyId, publishedOn or summaryOf is one clear error, exit 2', async () => {
    for (const [override, key] of [
      [{ files: ['x'], publishedOn: '2025-02-30' }, 'overrides.0.publishedOn'],
      [{ files: ['x'], agencyId: ' ' }, 'overrides.0.agencyId'],
      [{ files: ['x'], summaryOf: [] }, 'overrides.0.summaryOf'],
      [{ files: ['x'], agencyid: 'a' }, 'overrides.0.agencyid'],
    ] as const) {
      const folder = temporaryDirectory();
      writeFileSync(join(folder, 'xxgk-lint.config.json'), JSON.stringify({ overrides: [override] }));
      writeFileSync(join(folder, 'x'), '');
      const run = await runCli(['x'], { cwd: folder });
      expect(run.code, JSON.stringify(override)).toBe(2);
      expect(run.stderr).toContain(key);
    }
  });

  it('summaryOf: a declared summary is checked against its parts of the same year in the run, by summary-mismatch (off otherwise)', async () => {
    const folder = temporaryDirectory();
    mkdirSync(join(folder, 'parts'));
    const text = readFileSync(join(ROOT, 'test/fixtures/seeds/001.txt'), 'utf8');
    // The summary adds up one part, itself seed 001, but writes 7 new applications for its 6.
    const row = '一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |';
    expect(text).toContain(row);
    writeFileSync(join(folder, 'parts', 'a.txt'), text);
    writeFileSync(join(folder, 'summary.txt'), text.replace(row, row.replace('| 6 |', '| 7 |').replace(/\| 6 \|$/, '| 7 |')));
    writeFileSync(join(folder, 'equal.txt'), text);
    const summaryRule = (entries: JsonEntry[]) => entries.flatMap((entry) => entry.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'summary-mismatch').map((diagnostic) => ({ file: entry.file, diagnostic })));

    // Not declared: the rule never runs.
    expect(summaryRule(parseJson(await runCli(['--format', 'json', 'summary.txt', 'parts'], { cwd: folder })))).toEqual([]);

    writeFileSync(
      join(folder, 'xxgk-lint.config.json'),
      JSON.stringify({ overrides: [{ files: ['summary.txt', 'equal.txt'], summaryOf: ['parts/*.txt'] }, { files: ['equal.txt'], rules: { 'summary-mismatch': 'error' } }] }),
    );
    const run = await runCli(['--format', 'json', 'summary.txt', 'equal.txt', 'parts'], { cwd: folder });
    expect(run.stderr).toBe('');
    const entries = parseJson(run);
    // Each file's own result, then the summary's second entry with what adding up its parts found.
    expect(entries.map((entry) => entry.file)).toEqual(['summary.txt', 'equal.txt', 'parts/a.txt', 'summary.txt']);
    const found = summaryRule(entries);
    expect(found.map(({ file, diagnostic }) => [file, diagnostic.severity, diagnostic.message])).toEqual([
      ['summary.txt', 'warning', expect.stringMatching(/^表三（收到和处理政府信息公开申请情况）“一、本年新收政府信息公开申请数量”·“(自然人|总计)”为 7，但 1 份组成报告之和为 6。$/)],
      ['summary.txt', 'warning', expect.stringMatching(/为 7，但 1 份组成报告之和为 6。$/)],
    ]);
    const sarif = JSON.parse((await runCli(['--format', 'sarif', 'summary.txt', 'parts'], { cwd: folder })).stdout) as {
      runs: { results: { ruleId: string; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const result = sarif.runs[0]?.results.find((candidate) => candidate.ruleId === 'summary-mismatch');
    expect(result?.relatedLocations?.map((place) => place.physicalLocation.artifactLocation.uri)).toEqual(['parts/a.txt']);
    expect(JSON.parse((await runCli(['--print-config', 'summary.txt'], { cwd: folder })).stdout)).toMatchObject({ summary: true });
    // A cached result holds no report to add up: with summaries declared, --cache reads every file.
    for (let pass = 0; pass < 2; pass++) expect(summaryRule(parseJson(await runCli(['--format', 'json', '--cache', 'summary.txt', 'parts'], { cwd: folder })))).toHaveLength(2);
  });

  it('a declared summary without a part of its year in the run is said on stderr, not passed over', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'summary.txt'), readFileSync(join(ROOT, 'test/fixtures/seeds/001.txt'), 'utf8'));
    writeFileSync(join(folder, 'xxgk-lint.config.json'), JSON.stringify({ overrides: [{ files: ['summary.txt'], summaryOf: ['parts/*.txt'] }] }));
    const run = await runCli(['--format', 'json', 'summary.txt'], { cwd: folder });
    expect(run.stderr).toBe('xxgk-lint: summary.txt 在配置中声明为汇总报告，但本次检查中没有与它同一年度、匹配 summaryOf 的组成报告，未作汇总核对\n');
    expect(parseJson(run).map((entry) => entry.file)).toEqual(['summary.txt']);
  });
});
