import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sarifErrors } from '../format/sarif-validator.js';
import { copiedWithTitleChanged } from '../series/copied.js';
import { ROOT, parseJson, runCli, temporaryDirectory } from './run-cli.js';

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
