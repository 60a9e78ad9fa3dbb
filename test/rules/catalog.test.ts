import { describe, expect, it } from 'vitest';
import { SECTIONS, TABLES } from '../../src/catalog/index.js';
import type { Fact } from '../../src/model/index.js';
import { RULES, SERIES_RULES, checkReport, rules } from '../../src/rules/index.js';
import { legacySeed, seed } from './tester.js';

// The rules this catalog adds to the foundation's arithmetic ones; their messages render every
// label through args, so none may spell one out.
const CATALOG_RULE_IDS = [
  'document-unreadable',
  'no-text-layer',
  'tables-empty',
  'legacy-format',
  'section-missing',
  'section-order',
  'table-missing',
  'table-as-image',
  'period-missing',
  'fee-statement-missing',
  'cell-missing',
  'value-unplaced',
  'count-invalid',
  'blank-cell',
  'in-force-below-net',
  'items-below-zero',
  'published-below-new',
  'unsupported-count',
  'not-a-report',
  'report-truncated',
];

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();

describe('the rule catalog', () => {
  it('registers every rule once, with the fixed ids', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...CATALOG_RULE_IDS, 'applications-balance', 'applications-outcome-total', 'applications-row-total', 'reviews-total', 'litigation-total', 'published-late']));
    expect(ids).toHaveLength(CATALOG_RULE_IDS.length + 6);
    const seriesIds = SERIES_RULES.map((rule) => rule.meta.id);
    expect(seriesIds).toEqual(['carry-over-mismatch', 'in-force-drift', 'numbers-repeated', 'text-repeated', 'year-mismatch', 'summary-mismatch']);
    expect(new Set([...ids, ...seriesIds]).size).toBe(ids.length + seriesIds.length);
    expect(rules).toEqual([...RULES, ...SERIES_RULES].map((rule) => rule.meta));
  });

  it.each([...RULES, ...SERIES_RULES].map((rule) => [rule.meta.id, rule.meta] as const))('%s: complete metadata in both languages', (id, meta) => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(meta.description['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(meta.description.en).toMatch(/^[A-Z]/);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    for (const message of Object.values(meta.messages)) {
      expect(message['zh-CN'].length).toBeGreaterThan(0);
      expect(message.en.length).toBeGreaterThan(0);
      // Both languages fill the same placeholders: a message never loses a value in translation.
      expect(placeholders(message.en)).toEqual(placeholders(message['zh-CN']));
    }
  });

  const labels = [
    ...SECTIONS.map((section) => section.heading),
    ...Object.values(TABLES).flatMap((table) => [table.title, ...table.rows.map((row) => row.label), ...table.rows.flatMap((row) => row.columns.map((column) => column.label))]),
  ].filter((label) => label.length >= 3);

  it.each(CATALOG_RULE_IDS)('%s: messages spell out no catalog label (they come from args)', (id) => {
    const meta = RULES.find((rule) => rule.meta.id === id)?.meta;
    expect(meta).toBeDefined();
    for (const message of Object.values(meta?.messages ?? {})) {
      for (const label of labels) expect(message['zh-CN'], `${id} writes “${label}”`).not.toContain(label);
    }
  });
});

describe('the seeds, as hand-encoded, with the facts their text states', () => {
  const withFacts = (id: string, facts: (find: (text: string) => NonNullable<Fact['span']>) => Fact[]) => {
    const { report, spans } = seed(id);
    report.facts = facts((text) => spans.find(text));
    return report;
  };

  it('seed 000 checks clean', () => {
    const report = withFacts('000', (find) => [
      { kind: 'applicationsReceived', value: 16, text: '共受理16件政府信息公开申请', span: find('共受理16件政府信息公开申请') },
      { kind: 'processingFeeCollected', value: false, text: '未收取政府信息公开信息处理费', span: find('未收取政府信息公开信息处理费') },
    ]);
    expect(checkReport(report)).toEqual([]);
  });

  it('seed 001 checks clean (its 行政事业性收费 of 779.508355 万元 is no processing fee, and it says it collected none)', () => {
    const report = withFacts('001', (find) => [
      { kind: 'normativeDocumentsInForce', value: 9, text: '规范性文件9个', span: find('规范性文件9个') },
      { kind: 'processingFeeCollected', value: false, text: '未收取政府信息公开信息处理费', span: find('未收取政府信息公开信息处理费') },
    ]);
    expect(checkReport(report)).toEqual([]);
  });

  it('seed 003 checks clean', () => {
    const report = withFacts('003', (find) => [
      { kind: 'applicationsReceived', value: 0, text: '未接到任何形式的政府信息公开申请', span: find('未接到任何形式的政府信息公开申请') },
      { kind: 'processingFeeCollected', value: false, text: '未收取信息处理费', span: find('未收取信息处理费') },
    ]);
    expect(checkReport(report)).toEqual([]);
  });

  it('seed 004 (traditional) checks clean', () => {
    const report = withFacts('004', (find) => [
      { kind: 'applicationsReceived', value: 9, text: '共受理政府信息公开申请9件', span: find('共受理政府信息公开申请9件') },
      { kind: 'processingFeeCollected', value: false, text: '未收取任何信息处理费', span: find('未收取任何信息处理费') },
    ]);
    expect(checkReport(report)).toEqual([]);
  });

  it('seed 004 without its fee statement: a warning, not an error', () => {
    const diagnostics = checkReport(seed('004').report);
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['fee-statement-missing', 'warning']]);
  });

  it('seed 002 (pre-2019, no year) gives legacy-format, and no table-missing pile-up', () => {
    const diagnostics = checkReport(legacySeed().report);
    const ids = diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('legacy-format');
    expect(ids).not.toContain('table-missing');
    expect(ids).not.toContain('fee-statement-missing');
    // A pre-2019 report has the older sections: legacy-format says so once, section-missing does not pile on.
    expect(ids).not.toContain('section-missing');
    expect(diagnostics.find((d) => d.ruleId === 'legacy-format')?.severity).toBe('error');
    // What else it gives: the blank period, which is also why no year is found — one finding for one fault.
    expect(diagnostics.map((d) => `${d.ruleId}:${d.messageId}`).sort()).toEqual(['legacy-format:outdatedNoYear', 'period-missing:blankPeriodNoYear'].sort());
    expect(diagnostics.filter((d) => /未写明报告年度/.test(d.message))).toHaveLength(1);
  });
});
