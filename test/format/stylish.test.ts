import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText, compactPlace, escapeTerminal, formatStylish, formatStylishFile, formatStylishSummary, shouldColor, summarize } from '../../src/index.js';
import { displayWidth, wrapDisplay } from '../../src/format/width.js';
import { DIAGNOSTICS } from './fixtures.js';

const ANSI = /\u001b\[/;
const results = [summarize('报告/2023年报.txt', DIAGNOSTICS), summarize('clean.txt', []), summarize('b.txt', DIAGNOSTICS.slice(2, 3))];

const CORPUS = 'test/fixtures/corpus';
const corpusResults = readdirSync(CORPUS)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    return summarize(join(CORPUS, name), checkText(text).diagnostics, { text });
  });

describe('formatStylish', () => {
  const output = formatStylish(results);
  const lines = output.split('\n');

  it('groups diagnostics under their file and leaves clean files out', () => {
    expect(lines[0]).toBe('报告/2023年报.txt');
    expect(output).not.toContain('clean.txt');
    expect(lines).toContain('b.txt');
    expect(lines.filter((line) => /^ {2}\S/.test(line))).toHaveLength(DIAGNOSTICS.length + 1);
  });

  it('puts place, severity, rule id and the cell first, the message under it', () => {
    expect(lines[1]).toBe('  2:9  错误  unsupported-count  表三 · 总计 · 一、本年新收政府信…');
    expect(lines[2]).toBe('    正文称收到申请 18 件，表三为 16 件。');
    expect(lines[3]).toBe('  4:1  警告  section-order');
    expect(lines[5]).toBe('  -    警告  fee-statement-missing');
    expect(lines[7]).toBe('  -    提示  applications-balance  表三');
  });

  it('puts a suggested correction on its own line under the message, the cell named compactly', () => {
    const lines = readFileSync('test/fixtures/seeds/000.txt', 'utf8').split('\n');
    lines[76] = (lines[76] as string).replace(/^16/, '18');
    const text = lines.join('\n');
    const chinese = formatStylishFile(summarize('r.txt', checkText(text).diagnostics, { text }), { width: 100 }).split('\n');
    expect(chinese.filter((line) => line.includes('→'))).toEqual([
      '    → 建议：表三 · 自然人 · 一、本年新收政府信… 改为 16（现为 18）',
      '    → 建议：表三 · 自然人 · 一、本年新收政府信… 改为 16（现为 18）',
    ]);
    // Each under its finding: the balance of the column and the row total of the row.
    expect(chinese[chinese.indexOf(chinese.find((line) => line.includes('→')) as string) - 4]).toMatch(/applications-balance/);
    const english = formatStylishFile(summarize('r.txt', checkText(text, { locale: 'en' }).diagnostics, { text }), { width: 100, locale: 'en' });
    expect(english).toContain('    → suggested: Table 三 · Natural persons · New applications this year = 16 (it is 18)');
    // A finding without a suggestion gets no such line.
    expect(formatStylish(results)).not.toContain('→');
  });

  it('ends with a summary of problems; infos are not problems', () => {
    expect(lines.at(-2)).toBe('✖ 4 个问题（1 个错误，3 个警告），另有 1 条提示');
    expect(output.endsWith('\n')).toBe(true);
  });

  it('is plain text unless colour is asked for', () => {
    expect(output).not.toMatch(ANSI);
    const coloured = formatStylish(results, { color: true });
    expect(coloured).toMatch(/\u001b\[31m错误\u001b\[0m/);
    expect(coloured).toMatch(/\u001b\[33m警告\u001b\[0m/);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(output);
  });

  it('speaks English with locale en, the cell named from the catalog', () => {
    const english = formatStylish(results, { locale: 'en' });
    expect(english).toMatch(/^ {2}2:9 {2}error {4}unsupported-count {2}Table 三 · Total · New applications this year$/m);
    expect(english).toContain('✖ 4 problems (1 error, 3 warnings), and 1 info\n');
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

  it('turns a line break inside a message into a space', () => {
    const [first] = DIAGNOSTICS;
    const broken = { ...first!, message: '第一行\n第二行' };
    expect(formatStylishFile(summarize('a.txt', [broken]))).toContain('    第一行 第二行\n');
  });
});

describe('stylish output of the corpus fits the terminal', () => {
  it.each([80, 100, 120])('every line is at most %i columns wide, in both languages', (width) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = formatStylish(corpusResults, { width, locale });
      const widest = Math.max(...text.split('\n').map((line) => displayWidth(line)));
      expect(widest, `${locale} at ${width}`).toBeLessThanOrEqual(width);
    }
  });

  it('keeps every message whole: its wrapped lines put back together are the message', () => {
    const result = corpusResults.find((candidate) => candidate.diagnostics.length > 3)!;
    const block = formatStylishFile(result, { width: 80 });
    const messages = block.split(/\n {2}\S.*\n/).slice(0);
    expect(messages.length).toBeGreaterThan(1);
    for (const diagnostic of result.diagnostics) {
      const squeezed = diagnostic.message.replace(/\s+/g, '');
      expect(block.replace(/\n {4}/g, '').replace(/\s+/g, '')).toContain(squeezed);
    }
  });

  it('is clamped to 80–120 columns', () => {
    const narrow = formatStylish(corpusResults, { width: 40 });
    expect(narrow).toBe(formatStylish(corpusResults, { width: 80 }));
    expect(formatStylish(corpusResults, { width: 400 })).toBe(formatStylish(corpusResults, { width: 120 }));
    expect(Math.max(...narrow.split('\n').map((line) => displayWidth(line)))).toBeGreaterThan(70);
  });
});

describe('wrapDisplay', () => {
  it('never breaks inside a number to keep closing punctuation off a line start: the number moves down whole', () => {
    // 006.txt's readings in English: "…2/64/8043⏎0；2/6480/430" before the fix.
    const readings = 'allow several readings: 2/6/480430；2/64/80430；2/6480/430；2/64804/30';
    for (let width = 12; width <= displayWidth(readings); width++) {
      const lines = wrapDisplay(readings, width);
      expect(lines.join(' ').split(/[ ；]+/).filter((part) => /\d/.test(part))).toEqual(['2/6/480430', '2/64/80430', '2/6480/430', '2/64804/30']);
      for (const line of lines) {
        expect(line.startsWith('；')).toBe(false);
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }
    }
  });
  it('breaks Chinese text anywhere, by display width', () => {
    expect(wrapDisplay('一二三四五六七八九十', 8)).toEqual(['一二三四', '五六七八', '九十']);
  });
  it('breaks Latin text at spaces, and cuts only a word longer than a line', () => {
    expect(wrapDisplay('the left side is 18, the right side 16.', 16)).toEqual(['the left side is', '18, the right', 'side 16.']);
    expect(wrapDisplay('abcdefghijklmnopqrst', 8)).toEqual(['abcdefgh', 'ijklmnop', 'qrst']);
  });
  it('starts no line with closing punctuation and ends none with opening punctuation', () => {
    const lines = wrapDisplay('一二三四五六七，八九（十一）二三', 14);
    expect(lines).toEqual(['一二三四五六', '七，八九（十', '一）二三']);
    expect(wrapDisplay('一二三四五六（七）', 14)).toEqual(['一二三四五六', '（七）']);
    for (const line of wrapDisplay('表三（收到和处理政府信息公开申请情况）“自然人”列不符合勾稽关系（第一项加第二项之和，等于第三项（七）总计加第四项之和）：前者为 18，后者为 16。', 20)) {
      expect(line).not.toMatch(/^[，。、；：？！）》」』】”’]/);
      expect(line).not.toMatch(/[（《「『【“‘]$/);
    }
  });
});

describe('compactPlace', () => {
  it('names table, column and row briefly, the row under its qualifying group', () => {
    expect(compactPlace({ table: 'applications', row: 'received', column: 'naturalPerson' }, 'zh-CN')).toBe('表三 · 自然人 · 一、本年新收政府信…');
    expect(compactPlace({ table: 'applications', row: 'denied.stateSecret', column: 'total' }, 'zh-CN')).toBe('表三 · 总计 · （三）1.属于国家秘密');
    expect(compactPlace({ table: 'reviews', row: 'review', column: 'pending' }, 'en')).toBe('Table 四 · Pending · Administrative review');
    expect(compactPlace({ table: 'activeDisclosure' }, 'zh-CN')).toBe('表二');
    expect(compactPlace({}, 'zh-CN')).toBe('');
  });
});

describe('control characters never reach the terminal', () => {
  const hostile = { ...DIAGNOSTICS[0]!, message: '清屏\u001bc\u001b[H\u001b[J 正文\u0007', ruleId: 'unsupported-count' };

  it('shows ESC sequences from report text escaped', () => {
    const out = formatStylishFile(summarize('a.txt', [hostile]));
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('清屏\\x1Bc\\x1B[H\\x1B[J 正文\\x07');
  });

  it('keeps a file name with a newline on its one line, so it cannot forge a diagnostic', () => {
    const forged = 'a.txt\n  1:1  错误  fake-rule';
    const out = formatStylishFile(summarize(forged, [hostile]));
    expect(out.split('\n')[0]).toBe('a.txt\\n  1:1  错误  fake-rule');
    expect(out.split('\n').filter((line) => line.includes('fake-rule'))).toHaveLength(1);
  });

  it('escapes bidirectional overrides too, and leaves ordinary text alone', () => {
    expect(escapeTerminal('报告\u202Etxt.exe')).toBe('报告\\u202Etxt.exe');
    expect(escapeTerminal('表三（总计）16 件')).toBe('表三（总计）16 件');
    expect(escapeTerminal('a\tb\rc')).toBe('a\\tb\\rc');
  });

  it('keeps colour codes of its own when colour is on, and still escapes the text', () => {
    const out = formatStylishFile(summarize('a.txt', [hostile]), { color: true });
    expect(out.replace(/\u001b\[\d+m/g, '')).not.toContain('\u001b');
  });
});

describe('shouldColor', () => {
  it('follows --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(shouldColor({ flag: true, env: { NO_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(shouldColor({ flag: false, env: { FORCE_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(shouldColor({ env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(true);
    expect(shouldColor({ env: { FORCE_COLOR: '' }, isTTY: false })).toBe(true);
    expect(shouldColor({ env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(false);
    expect(shouldColor({ env: { FORCE_COLOR: 'false', NO_COLOR: '' }, isTTY: true })).toBe(false);
    expect(shouldColor({ env: { NO_COLOR: '1' }, isTTY: true })).toBe(false);
    expect(shouldColor({ env: { NO_COLOR: '' }, isTTY: true })).toBe(true);
    expect(shouldColor({ env: {}, isTTY: true })).toBe(true);
    expect(shouldColor({ env: {}, isTTY: false })).toBe(false);
  });
});
