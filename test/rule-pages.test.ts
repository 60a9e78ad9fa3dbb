import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pageExamples, refreshRulePage, renderRulesIndex } from '../scripts/rule-pages.js';
import type { PageExample } from '../scripts/rule-pages.js';
import { checkDocument, checkSeries, checkSummary, checkText, parseReport, rules, SERIES_RULES } from '../src/index.js';
import type { Diagnostic, SeriesReport } from '../src/index.js';

const RULES_DIR = fileURLToPath(new URL('../docs/rules/', import.meta.url));
const INDEX = fileURLToPath(new URL('../docs/guides/rules.md', import.meta.url));
const pagePath = (id: string): string => `${RULES_DIR}${id}.md`;
const update = process.env.UPDATE_RULE_DOCS === '1';
// How each rule's examples are checked: a rule of one report on the text alone; a rule comparing two
// years on last year's report and this year's (compared: consecutive years, one agency); the
// summary rule on the summary and its parts.
const SCOPE: ReadonlyMap<string, 'pair' | 'text' | 'summary'> = new Map(SERIES_RULES.map((rule) => [rule.meta.id, rule.scope]));

/** Everything checking an example finds on its report: its own rules, and what the comparison with last year or the summary's parts adds. */
function findingsOf(example: PageExample): Diagnostic[] {
  const entry = (text: string, uri: string): SeriesReport => ({ report: parseReport(text), text, uri });
  const current = entry(example.text, 'this-year.txt');
  const own = checkText(example.text).diagnostics;
  const series = example.previous !== undefined ? checkSeries([entry(example.previous, 'last-year.txt'), current]) : checkSeries([current]);
  // An example of a comparison must be compared: a pair skipped (years not consecutive, two agencies) would pass for nothing.
  if (example.previous !== undefined) expect(series.pairs, 'last year and this year are compared').toEqual([{ previous: 0, current: 1, compared: true }]);
  const summary = example.parts.length > 0 ? checkSummary(current, example.parts.map((part, index) => entry(part, `part-${index + 1}.txt`))) : [];
  return [...own, ...(series.diagnostics.at(-1) ?? []), ...summary];
}

// The site's rule pages: the block rendered from each rule's metadata must match it, and the
// examples written as report text must do what they say — as ESLint's check-rule-examples does, an
// incorrect example must be reported by its rule and a correct one must not.
describe('rule pages (docs/rules/*.md)', () => {
  it('exist for every rule and for nothing else', () => {
    const pages = readdirSync(RULES_DIR).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
    expect(pages.sort()).toEqual(rules.map((meta) => meta.id).sort());
  });

  it('the rules index is rendered from the rule metadata', () => {
    const rendered = renderRulesIndex(rules);
    if (update) writeFileSync(INDEX, rendered);
    expect(readFileSync(INDEX, 'utf8')).toBe(rendered);
  });

  describe.each(rules.map((meta) => [meta.id, meta] as const))('%s', (id, meta) => {
    const read = (): string => readFileSync(pagePath(id), 'utf8');

    it('holds the block rendered from its metadata', () => {
      const page = read();
      const refreshed = refreshRulePage(page, meta);
      expect(refreshed, 'the page has no generated block').toBeDefined();
      if (update && refreshed !== undefined) writeFileSync(pagePath(id), refreshed);
      expect(read()).toBe(refreshed);
    });

    it('says what it checks, why, and how to fix it, in Chinese and English', () => {
      const page = read();
      expect(page).toMatch(new RegExp(`^---\\ntitle: ${id}\\n---\\n`));
      for (const heading of ['## 检查什么 What it checks', '## 为什么 Why', '## 如何修改 How to fix', '## 错误示例 Incorrect', '## 正确示例 Correct']) {
        expect(page, heading).toContain(heading);
      }
    });

    const { incorrect, correct, incorrectFiles, correctFiles, dangling } = pageExamples(readFileSync(pagePath(id), 'utf8'));
    it('has incorrect and correct examples, as report text (or, for a rule about files, as files)', () => {
      expect(incorrect.length + incorrectFiles.length, 'no incorrect example').toBeGreaterThan(0);
      expect(correct.length + correctFiles.length, 'no correct example').toBeGreaterThan(0);
      expect(dangling, 'a `text previous` or `text part` block with no example after it').toBe(0);
    });
    it('gives each example what the rule compares it with: last year’s report, or the summary’s parts', () => {
      for (const example of [...incorrect, ...correct]) {
        expect(example.previous !== undefined, 'a `text previous` block before the example').toBe(SCOPE.get(id) === 'pair');
        expect(example.parts.length > 0, '`text part` blocks before the example').toBe(SCOPE.get(id) === 'summary');
      }
    });
    // Rules about files (unreadable, scanned) cannot be shown in text: their examples are fixture files.
    it.each(incorrectFiles.map((path) => [path] as const))('incorrect file %s is reported by the rule', async (path) => {
      const { diagnostics } = await checkDocument(new Uint8Array(readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)))));
      expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === id && diagnostic.severity !== 'info').length).toBeGreaterThan(0);
    });
    it.each(correctFiles.map((path) => [path] as const))('correct file %s is not reported by the rule', async (path) => {
      const { diagnostics } = await checkDocument(new Uint8Array(readFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)))));
      expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === id)).toEqual([]);
    });
    it.each(incorrect.map((example, index) => [index + 1, example] as const))('incorrect example %i is reported by the rule', (_index, example) => {
      const found = findingsOf(example).filter((diagnostic) => diagnostic.ruleId === id && diagnostic.severity !== 'info');
      expect(found.length).toBeGreaterThan(0);
    });
    it.each(correct.map((example, index) => [index + 1, example] as const))('correct example %i is not reported by the rule', (_index, example) => {
      expect(findingsOf(example).filter((diagnostic) => diagnostic.ruleId === id)).toEqual([]);
    });
  });
});
