import { describe, expect, it } from 'vitest';
import { formatStylish, formatStylishFile, formatStylishSummary, summarize } from '../../src/index.js';
import { displayWidth } from '../../src/format/width.js';
import { DIAGNOSTICS } from './fixtures.js';

const ANSI = /\u001b\[/;
const results = [summarize('报告/2023年报.txt', DIAGNOSTICS), summarize('clean.txt', []), summarize('b.txt', DIAGNOSTICS.slice(2, 3))];

describe('formatStylish', () => {
  const output = formatStylish(results);
  const lines = output.split('\n');

  it('groups diagnostics under their file and leaves clean files out', () => {
    expect(lines[0]).toBe('报告/2023年报.txt');
    expect(lines.filter((line) => line.startsWith('  '))).toHaveLength(DIAGNOSTICS.length + 1);
    expect(output).not.toContain('clean.txt');
    expect(lines[DIAGNOSTICS.length + 2]).toBe('b.txt');
  });

  it('writes line:column, severity, message and rule id, with "-" where there is no position', () => {
    expect(lines[1]).toMatch(/^ {2}2:9 {2}错误 {2}正文称收到申请 18 件，表三为 16 件。 +unsupported-count$/);
    expect(lines[2]).toMatch(/^ {2}4:1 {2}警告 {2}“四、/);
    expect(lines[3]).toMatch(/^ {2}- {4}警告 {2}报告没有说明是否收取信息处理费。 +fee-statement-missing$/);
    expect(lines[4]).toMatch(/^ {2}- {4}提示 {2}/);
  });

  it('aligns the rule ids by display width, Chinese characters counting two columns', () => {
    const block = lines.slice(1, 1 + DIAGNOSTICS.length);
    const columns = block.map((line) => displayWidth(line.slice(0, line.lastIndexOf(' ') + 1)));
    expect(new Set(columns).size).toBe(1);
  });

  it('ends with a summary of problems; infos are not problems', () => {
    expect(lines.at(-2)).toBe('✖ 4 个问题（1 个错误，3 个警告，1 条提示）');
    expect(output.endsWith('\n')).toBe(true);
  });

  it('is plain text unless colour is asked for', () => {
    expect(output).not.toMatch(ANSI);
    const coloured = formatStylish(results, { color: true });
    expect(coloured).toMatch(/\u001b\[31m错误\u001b\[0m/);
    expect(coloured).toMatch(/\u001b\[33m警告\u001b\[0m/);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(output);
  });

  it('speaks English with locale en', () => {
    const english = formatStylish(results, { locale: 'en' });
    expect(english).toMatch(/^ {2}2:9 {2}error {4}/m);
    expect(english).toContain('✖ 4 problems (1 error, 3 warnings, 1 info)\n');
  });

  it('writes nothing for results without diagnostics', () => {
    expect(formatStylish([summarize('a.txt', [])])).toBe('');
    expect(formatStylish([])).toBe('');
  });

  it('is its file blocks followed by the summary, so it can be streamed', () => {
    const streamed = results.map((result) => formatStylishFile(result)).join('') + formatStylishSummary({ errorCount: 1, warningCount: 3, infoCount: 1 });
    expect(streamed).toBe(output);
  });

  it('words the summary by count in English and gives infos alone their own line', () => {
    expect(formatStylishSummary({ errorCount: 1, warningCount: 0, infoCount: 0 }, { locale: 'en' })).toBe('✖ 1 problem (1 error, 0 warnings)\n');
    expect(formatStylishSummary({ errorCount: 0, warningCount: 1, infoCount: 0 }, { locale: 'en' })).toBe('✖ 1 problem (0 errors, 1 warning)\n');
    expect(formatStylishSummary({ errorCount: 0, warningCount: 0, infoCount: 2 })).toBe('ℹ 2 条提示\n');
  });

  it('keeps a message with a line break on one line', () => {
    const [first] = DIAGNOSTICS;
    const broken = { ...first!, message: '第一行\n第二行' };
    expect(formatStylishFile(summarize('a.txt', [broken]))).toContain('第一行 第二行');
  });
});
