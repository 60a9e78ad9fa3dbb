import { describe, expect, it } from 'vitest';
import { checkText, normalize, parseReport } from '../../src/index.js';
import { reportTruncated } from '../../src/rules/report-truncated.js';
import { sampleReport } from '../../src/rules/index.js';
import { fixtureText } from '../support/fixtures.js';
import { seed, testRule } from './tester.js';

const corpus = (id: string): string => fixtureText(`corpus/${id}.txt`);
const EXCERPT = '2024年度某县人民政府政府信息公开工作年度报告\n一、总体情况\n本年度，我县持续推进政务公开。\n二、主动公开政府信息情况\n第二十条第（一）项';

testRule(reportTruncated, {
  valid: [
    { name: 'the sample report', report: () => sampleReport() },
    { name: 'seed 000, up to section 六', report: () => seed('000').report },
    { name: 'corpus 003, a whole report from a PDF', report: () => parseReport(corpus('003')) },
    {
      name: 'seed 001 without section 六 but closed by its signature date: section-missing speaks, not this rule',
      report: () => seed('001', (text) => text.replace(/六、其他需要报告的事项/u, '其他需要报告的事项')).report,
    },
  ],
  invalid: [
    {
      name: 'an excerpt that stops at the first heading of table 二, before its first row',
      source: normalize(EXCERPT),
      report: () => parseReport(EXCERPT),
      diagnostics: [
        {
          messageId: 'inTable',
          severity: 'error',
          table: 'activeDisclosure',
          row: 'rules',
          span: { text: '项', line: 5, column: 9 },
          message: {
            'zh-CN': '文本在表二（主动公开政府信息情况）“规章”一行处中断，报告不完整；之后的行和部分未检查。',
            en: 'The text stops in Table 二 (Active disclosure (Article 20 items)) at row "Rules (规章)"; the report is incomplete and the rows and sections after it were not checked.',
          },
        },
      ],
    },
    {
      name: 'an excerpt that stops in section 二 before its table begins',
      source: normalize(EXCERPT.replace('\n第二十条第（一）项', '\n本年度主动公开政府信息')),
      report: () => parseReport(EXCERPT.replace('\n第二十条第（一）项', '\n本年度主动公开政府信息')),
      diagnostics: [
        {
          messageId: 'beforeTable',
          severity: 'error',
          table: 'activeDisclosure',
          span: { text: '息', line: 5, column: 11 },
          message: {
            'zh-CN': '文本在“二、主动公开政府信息情况”部分、表二（主动公开政府信息情况）之前中断，报告不完整；之后的内容未检查。',
            en: 'The text stops in Section 二 (Active disclosure of government information), before Table 二 (Active disclosure (Article 20 items)); the report is incomplete and what follows was not checked.',
          },
        },
      ],
    },
    {
      name: 'the same excerpt with an image in section 二 (its table may be that image): it stops in section 二, not before table 二',
      source: normalize(EXCERPT.replace('\n第二十条第（一）项', '\n本年度主动公开政府信息')),
      report: () => ({ ...parseReport(EXCERPT.replace('\n第二十条第（一）项', '\n本年度主动公开政府信息')), figures: [{ section: 'activeDisclosure' }] }),
      diagnostics: [
        {
          messageId: 'inSection',
          severity: 'error',
          span: { text: '息', line: 5, column: 11 },
          message: {
            'zh-CN': '文本在“二、主动公开政府信息情况”部分中断，报告不完整；之后的内容未检查。',
            en: 'The text stops in Section 二 (Active disclosure of government information); the report is incomplete and what follows was not checked.',
          },
        },
      ],
    },
    {
      name: 'corpus 032: stops inside table 三, in the row 7.属于行政执法案卷 (6 of its 7 cells)',
      source: normalize(corpus('032')),
      report: () => parseReport(corpus('032')),
      diagnostics: [
        {
          messageId: 'inTable',
          severity: 'error',
          table: 'applications',
          row: 'denied.enforcementFiles',
          span: { text: '|', line: 32, column: 36 },
          message: {
            'zh-CN': '文本在表三（收到和处理政府信息公开申请情况）“（三）不予公开 7.属于行政执法案卷”一行处中断，报告不完整；之后的行和部分未检查。',
            en: 'The text stops in Table 三 (Applications received and handled) at row "Not disclosed: Enforcement case files"; the report is incomplete and the rows and sections after it were not checked.',
          },
        },
      ],
    },
    {
      name: 'corpus 041: stops in section 一',
      source: normalize(corpus('041')),
      report: () => parseReport(corpus('041')),
      diagnostics: [
        {
          messageId: 'inSection',
          severity: 'error',
          span: { text: ',', line: 8, column: 74 },
          message: {
            'zh-CN': '文本在“一、总体情况”部分中断，报告不完整；之后的内容未检查。',
            en: 'The text stops in Section 一 (Overview); the report is incomplete and what follows was not checked.',
          },
        },
      ],
    },
  ],
});

describe('an excerpt, checked in full: one truncation finding, nothing after the cut reported one by one', () => {
  it.each(['014', '015', '018', '019', '021', '026', '032', '033', '034', '035', '036', '037', '038', '041', '042'])('corpus %s: its only error is report-truncated', (id) => {
    const errors = checkText(corpus(id)).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => diagnostic.ruleId)).toEqual(['report-truncated']);
  });

  it('corpus 028: the cut and the one real fault before it (规章 has two values of three)', () => {
    const errors = checkText(corpus('028')).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => [diagnostic.ruleId, diagnostic.row])).toEqual([
      ['cell-missing', 'rules'],
      ['report-truncated', 'granted'],
    ]);
  });

  it.each(['018', '028', '029'])('corpus %s: no note about cells or counts the excerpt never reached', (id) => {
    const notes = checkText(corpus(id)).diagnostics.filter((diagnostic) => diagnostic.severity === 'info');
    expect(notes.map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`)).toEqual([]);
  });

  it('corpus 023: a "cannot be checked" note counts the blank cells before the cut, none after it', () => {
    const notes = checkText(corpus('023')).diagnostics.filter((diagnostic) => diagnostic.severity === 'info');
    // Rows 一 and 二 leave their six applicant cells blank and （一）予以公开 all seven; the text stops at （二）,
    // so the balance and the outcome total (whose （七）总计 lies past the cut) are the cut's to report.
    expect(notes.map((diagnostic) => [diagnostic.ruleId, diagnostic.args?.count])).toEqual([['applications-row-total', 19]]);
    const rows = new Set(notes[0]?.related?.map((place) => place.row));
    expect([...rows]).toEqual(['received', 'carriedOver', 'granted']);
  });

  it('a whole report with section 五 removed is not truncated: section-missing says so', () => {
    const text = fixtureText('seeds/000.txt').replace(/五、存在的主要问题及改进情况/u, '');
    const rules = checkText(text).diagnostics.map((diagnostic) => diagnostic.ruleId);
    expect(rules).toContain('section-missing');
    expect(rules).not.toContain('report-truncated');
  });
});
