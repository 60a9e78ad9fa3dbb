import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { rules } from '../../src/index.js';
import { sarifErrors } from '../format/sarif-validator.js';
import { ROOT, runCli, seed, seedPath, temporaryDirectory } from './run-cli.js';

// Each test spawns the bin, some several times; a loaded machine can take seconds per spawn.
vi.setConfig({ testTimeout: 30_000 });

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
  charOffset: number;
  charLength: number;
}
interface Log {
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string }[] } };
    results: { ruleId: string; ruleIndex?: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; index?: number }; region?: Region } }[] }[];
    artifacts: { location: { uri: string } }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[];
    originalUriBaseIds?: Record<string, { uri: string }>;
  }[];
}

const sarif = async (args: string[], input?: string): Promise<{ code: number | null; log: Log; stderr: string }> => {
  const run = await runCli(['--format', 'sarif', ...args], input !== undefined ? { input } : {});
  return { code: run.code, log: JSON.parse(run.stdout) as Log, stderr: run.stderr };
};

// The 1-based line and column of an offset, line breaks counted as the reader counts them.
const positionAt = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - lastBreak };
};

describe('--format sarif', () => {
  it('on the seed folder: a valid SARIF 2.1.0 log with the rule metadata and every file', async () => {
    const { log } = await sarif(['test/fixtures/seeds']);
    expect(sarifErrors(log)).toEqual([]);
    const [run] = log.runs;
    expect(run?.tool.driver.name).toBe('xxgk-lint');
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(rules.map((rule) => rule.id)));
    expect(run?.artifacts.map((artifact) => artifact.location.uri)).toEqual(['000', '001', '002', '003', '004'].map((id) => `test/fixtures/seeds/${id}.txt`));
    expect(run?.originalUriBaseIds).toEqual({ SRCROOT: { uri: pathToFileURL(ROOT).href.replace(/\/?$/, '/') } });
    for (const result of run?.results ?? []) {
      expect(run?.tool.driver.rules[result.ruleIndex as number]?.id).toBe(result.ruleId);
      expect(result.locations[0]?.physicalLocation.artifactLocation.uriBaseId).toBe('SRCROOT');
    }
  });

  it('seed 002 gives a legacy-format result at level error', async () => {
    const { log, code } = await sarif([seedPath('002')]);
    expect(log.runs[0]?.results.filter((result) => result.ruleId === 'legacy-format').map((result) => result.level)).toContain('error');
    expect(code).toBe(1);
  });

  it('nothing found: still a valid log, with an empty results array', async () => {
    const { log, code } = await sarif([...rules.flatMap((rule) => ['--rule', `${rule.id}=off`]), seedPath('001')]);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.invocations[0]?.executionSuccessful).toBe(true);
    expect(code).toBe(0);
  });

  it('a missing file: a valid log whose invocation records the failure, exit 2', async () => {
    const { log, code, stderr } = await sarif(['missing-report.txt', seedPath('001')]);
    expect(sarifErrors(log)).toEqual([]);
    // Every input is an artifact, the missing one too; its failure is a notification, not a result.
    expect(log.runs[0]?.artifacts.map((artifact) => artifact.location.uri)).toEqual(['missing-report.txt', seedPath('001')]);
    expect(log.runs[0]?.results.filter((result) => result.ruleId === 'file-not-found')).toEqual([]);
    expect(log.runs[0]?.invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ message: { text: '找不到文件 missing-report.txt' }, descriptor: { id: 'file-not-found' } }],
    });
    expect(stderr).toBe('xxgk-lint: 找不到文件 missing-report.txt\n');
    expect(code).toBe(2);
  });

  // Seed 001 with a planted fault (7 new applications from natural persons, the total still 6),
  // Windows line endings and a BOM: positions must still land on the file as written.
  const planted = (): { file: string; text: string } => {
    const text = seed('001').replace(/(一、本年新收政府信息公开申请数量 \| )6( \|)/, '$17$2').replace(/\n/g, '\r\n');
    expect(text).toContain('一、本年新收政府信息公开申请数量 | 7 |');
    const file = join(temporaryDirectory(), 'planted.txt');
    writeFileSync(file, `\ufeff${text}`);
    return { file, text };
  };

  it('regions are 1-based, and their line, column and offsets agree with the file as written', async () => {
    const { file, text } = planted();
    const { log } = await sarif([file]);
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0]?.results ?? [];
    const regions = results.flatMap((result) => result.locations.map((location) => location.physicalLocation.region)).filter((region) => region !== undefined);
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions) {
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(positionAt(text, region.charOffset)).toEqual({ line: region.startLine, column: region.startColumn });
      expect(region.endLine).toBeDefined();
      expect(positionAt(text, region.charOffset + region.charLength)).toEqual({ line: region.endLine, column: region.endColumn });
    }
  });

  it('a planted imbalance is reported at the cell', async () => {
    const { file, text } = planted();
    const results = (await sarif([file])).log.runs[0]?.results ?? [];
    expect(results.map((result) => result.ruleId)).toEqual(expect.arrayContaining(['applications-row-total', 'applications-balance']));
    const rowTotal = results.find((result) => result.ruleId === 'applications-row-total')?.locations[0]?.physicalLocation.region;
    expect(rowTotal && text.substr(rowTotal.charOffset, rowTotal.charLength)).toMatch(/^(7|6|一、本年新收政府信息公开申请数量)$/);
  });

  it('standard input and English descriptions make a valid log too', async () => {
    const { log } = await sarif(['--locale', 'en', '-'], '这不是一份年度报告。');
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]?.results.length).toBeGreaterThan(0);
  });
});
