import { describe, expect, it } from 'vitest';
import { APPLICATIONS_TABLE, CASE_OUTCOME_COLUMNS, REVIEWS_TABLE } from '../../src/catalog/index.js';
import type { RowDefinition } from '../../src/catalog/index.js';
import { readFacts } from '../../src/read/facts.js';
import type { FactContext } from '../../src/read/facts.js';
import { parseReport } from '../../src/read/parse.js';
import { findSections } from '../../src/read/sections.js';
import { normalize } from '../../src/read/source.js';
import type { Fact } from '../../src/model/index.js';
import { checkReport } from '../../src/rules/index.js';
import { fixtureText, seedText } from '../support/fixtures.js';

function factsOf(text: string, context?: FactContext): Fact[] {
  const source = normalize(text);
  return readFacts(source, findSections(source), context);
}

/** Seed 000 as published, with `sentence` added to its body right after its own application count. */
function seed000With(sentence: string): string {
  const text = seedText('000');
  const stated = text.indexOf('共受理16件政府信息公开申请');
  const sentenceEnd = text.indexOf('。', stated) + 1;
  expect(stated).toBeGreaterThan(0);
  return text.slice(0, sentenceEnd) + sentence + text.slice(sentenceEnd);
}

/** The unsupported-count diagnostics of a report as `[messageId, actual, text]`. */
const unsupportedCounts = (text: string) =>
  checkReport(parseReport(text))
    .filter((diagnostic) => diagnostic.ruleId === 'unsupported-count')
    .map((diagnostic) => [diagnostic.messageId, diagnostic.actual, diagnostic.args['text']]);

/** Facts as `[kind, value, text]`, the form the assertions are written in. */
const summary = (facts: Fact[]) => facts.map((fact) => [fact.kind, fact.value, fact.text]);
const ofKind = (facts: Fact[], kind: Fact['kind']) => summary(facts.filter((fact) => fact.kind === kind));

describe('the seeds', () => {
  it('000: 16 applications received, no processing fee', () => {
    expect(summary(factsOf(seedText('000')))).toEqual([
      ['applicationsReceived', 16, '共受理16件政府信息公开申请'],
      ['processingFeeCollected', false, '未收取政府信息公开信息处理费'],
    ]);
  });

  it('000: "主动公开信息1265条" is no application count', () => {
    const text = seedText('000');
    expect(text).toContain('主动公开信息1265条');
    expect(factsOf(text).some((fact) => fact.value === 1265)).toBe(false);
  });

  it('001: only the fee statement — its text states no count', () => {
    expect(summary(factsOf(seedText('001')))).toEqual([['processingFeeCollected', false, '未收取政府信息公开信息处理费']]);
  });

  it('003: "未接到任何形式的政府信息公开申请" states 0 applications', () => {
    expect(summary(factsOf(seedText('003')))).toEqual([
      ['applicationsReceived', 0, '未接到任何形式的政府信息公开申请'],
      ['processingFeeCollected', false, '未收取信息处理费'],
    ]);
  });

  it('004: documents made and in force, 9 applications, no fee — as written in traditional script', () => {
    expect(summary(factsOf(seedText('004')))).toEqual([
      ['normativeDocumentsIssued', 1, '制定修訂規(guī)范性文件1件'],
      ['applicationsReceived', 9, '共受理政府信息公開申請9件'],
      ['normativeDocumentsInForce', 23, '現(xiàn)行有效規(guī)范性文件23件'],
      ['processingFeeCollected', false, '未收取任何信息處理費'],
    ]);
  });

  it('004: messages, proposals and a document catalogue are not what they resemble', () => {
    const text = seedText('004');
    // "收到網(wǎng)民留言咨詢111件", "我辦未收到省人大代表建議和省政協(xié)委員提案", "《…現(xiàn)行有效規(guī)范性文件目錄》"
    expect(text).toContain('收到網(wǎng)民留言咨詢111件');
    const facts = factsOf(text);
    expect(facts.filter((fact) => fact.kind === 'applicationsReceived').map((fact) => fact.value)).toEqual([9]);
    expect(facts.filter((fact) => fact.kind === 'normativeDocumentsInForce').map((fact) => fact.value)).toEqual([23]);
  });

  it('002: a cumulative count ("累计共受理…2件") is not this year\'s; "未收到依申请" is 0', () => {
    const text = seedText('002');
    expect(text).toContain('累计共受理政府信息公开申请2件');
    expect(ofKind(factsOf(text), 'applicationsReceived')).toEqual([['applicationsReceived', 0, '未收到依申请']]);
  });

  it('002: "没有接到行政复议、诉讼和申诉案件" states no review and no litigation', () => {
    const facts = factsOf(seedText('002'));
    expect(ofKind(facts, 'reviewCases')).toEqual([['reviewCases', 0, '没有接到行政复议']]);
    expect(ofKind(facts, 'litigationCases')).toEqual([['litigationCases', 0, '没有接到行政复议、诉讼']]);
  });
});

describe('spans', () => {
  it.each(['000', '001', '002', '003', '004'])('seed %s: each fact\'s span holds its words as written', (id) => {
    const text = seedText(id);
    const facts = factsOf(text);
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) expect(text.slice(fact.span?.start, fact.span?.end)).toBe(fact.text);
  });

  it('spans words broken over lines in PDF-extracted text', () => {
    const text = fixtureText('corpus/003.txt');
    const reviews = factsOf(text).find((fact) => fact.kind === 'reviewCases');
    expect(reviews).toMatchObject({ value: 351, text: '行政复议 351\n件' });
    expect(text.slice(reviews?.span?.start, reviews?.span?.end)).toBe('行政复议 351\n件');
  });
});

describe('the corpus (INDEX.md notes)', () => {
  it('003: the narrative states 3119 applications, 351 reviews, 46 lawsuits and a fee of 3940 元', () => {
    expect(summary(factsOf(fixtureText('corpus/003.txt')))).toEqual([
      ['applicationsReceived', 3119, '共受理政府信息公开申请 3119 件'],
      ['reviewCases', 351, '行政复议 351\n件'],
      ['litigationCases', 46, '行政诉讼 46 件'],
      ['processingFeeCollected', true, '收取政府信息公开信息处理费 3940 元'],
    ]);
  });

  it('004: "本年度全区共收到70件申请"', () => {
    expect(ofKind(factsOf(fixtureText('corpus/004.txt')), 'applicationsReceived')).toEqual([['applicationsReceived', 70, '共收到70件申请']]);
  });

  it('004: the table 四 headings of a flattened table ("尚未审结", "未经复议直接起诉") deny nothing', () => {
    const facts = factsOf(fixtureText('corpus/004.txt'));
    expect(facts.filter((fact) => fact.kind === 'reviewCases' || fact.kind === 'litigationCases')).toEqual([]);
  });

  it('005: 75 applications (new and carried over), 88 documents made, 698 in force, 2 reviews, 1 lawsuit', () => {
    const facts = factsOf(fixtureText('corpus/005.txt'));
    expect(ofKind(facts, 'applicationsReceived')).toEqual([['applicationsReceived', 75, '收到政府信息公开申请75件']]);
    expect(ofKind(facts, 'normativeDocumentsIssued')).toEqual([['normativeDocumentsIssued', 88, '制发的规范性文件88件']]);
    expect(ofKind(facts, 'normativeDocumentsInForce')).toEqual([['normativeDocumentsInForce', 698, '现行有效行政规范性文件698件']]);
    expect(ofKind(facts, 'reviewCases')).toEqual([['reviewCases', 2, '行政复议案件2件']]);
    expect(ofKind(facts, 'litigationCases')).toEqual([['litigationCases', 1, '行政诉讼案件1件']]);
  });

  it('001: "全年收取政府信息公开信息处理费 0 元" says none was collected', () => {
    expect(ofKind(factsOf(fixtureText('corpus/001.txt')), 'processingFeeCollected')).toEqual([
      ['processingFeeCollected', false, '收取政府信息公开信息处理费 0 元'],
    ]);
  });

  it('011: reviews and lawsuits denied in one clause', () => {
    const facts = factsOf(fixtureText('corpus/011.txt'));
    expect(ofKind(facts, 'applicationsReceived')).toEqual([['applicationsReceived', 0, '未收到有关政府信息公开申请']]);
    expect(ofKind(facts, 'reviewCases')).toEqual([['reviewCases', 0, '未收到有关政府信息公开行政复议']]);
    expect(ofKind(facts, 'litigationCases')).toEqual([['litigationCases', 0, '未收到有关政府信息公开行政复议、提起行政诉讼']]);
  });

  it('034: "新制定行政规范性文件15件", "现行有效的行政规范性文件102件"', () => {
    expect(summary(factsOf(fixtureText('corpus/034.txt')))).toEqual([
      ['normativeDocumentsIssued', 15, '新制定行政规范性文件15件'],
      ['normativeDocumentsInForce', 102, '现行有效的行政规范性文件102件'],
    ]);
  });
});

describe('what a sentence says, not a number near a keyword', () => {
  const one = (sentence: string) => summary(factsOf(sentence));

  it('reads the count before or after the word 申请', () => {
    expect(one('2024年共受理16件政府信息公开申请。')).toEqual([['applicationsReceived', 16, '共受理16件政府信息公开申请']]);
    expect(one('年内共受理政府信息公开申请9件。')).toEqual([['applicationsReceived', 9, '共受理政府信息公开申请9件']]);
    expect(one('全年共收到依申请公开0件。')).toEqual([['applicationsReceived', 0, '共收到依申请公开0件']]);
  });

  it('ignores counts of other things', () => {
    expect(one('通过门户网站主动公开信息1265条,收到网民留言咨询111件。')).toEqual([]);
    expect(one('收到行政复议申请1件。')).toEqual([]);
    expect(one('我办未收到省人大代表建议和省政协委员提案。')).toEqual([]);
    expect(one('上年收到政府信息公开申请5件。')).toEqual([]);
    expect(one('第二十条第（八）项 行政事业性收费 | 779.508355 |')).toEqual([]);
  });

  it('reads a processing fee amount, and a denial', () => {
    expect(one('本年度收取信息处理费120元。')).toEqual([['processingFeeCollected', true, '收取信息处理费120元']]);
    expect(one('2024年,无收取信息处理费情况。')).toEqual([['processingFeeCollected', false, '无收取信息处理费']]);
    expect(one('未收到关于信息处理费的投诉。')).toEqual([]);
    expect(one('本机关不收取信息处理费。')).toEqual([['processingFeeCollected', false, '不收取信息处理费']]);
    expect(one('依申请公开政府信息不予收取信息处理费。')).toEqual([['processingFeeCollected', false, '不予收取信息处理费']]);
    expect(one('本年度不涉及信息处理费。')).toEqual([['processingFeeCollected', false, '不涉及信息处理费']]);
    expect(one('依据《政府信息公开信息处理费管理办法》收取信息处理费的要求,本单位未收取任何信息处理费。')).toEqual([
      ['processingFeeCollected', false, '未收取任何信息处理费'],
    ]);
  });

  it('reads review and litigation counts only about disclosure', () => {
    expect(one('本年度发生政府信息公开行政复议3件、行政诉讼2件。')).toEqual([
      ['reviewCases', 3, '行政复议3件'],
      ['litigationCases', 2, '行政诉讼2件'],
    ]);
    expect(one('全年办理行政复议案件120件。')).toEqual([]);
  });
});

describe('an 申请 that qualifies something else states no application count', () => {
  const one = (sentence: string) => summary(factsOf(sentence));

  it('"未收到…申请的行政复议" denies reviews, not applications', () => {
    expect(one('本年度未收到政府信息公开申请的行政复议。')).toEqual([['reviewCases', 0, '未收到政府信息公开申请的行政复议']]);
    expect(ofKind(factsOf('全年未收到政府信息公开申请引发的行政诉讼。'), 'applicationsReceived')).toEqual([]);
    expect(one('未收到政府信息公开申请方面的投诉。')).toEqual([]);
    expect(one('未收到申请人的补正材料。')).toEqual([]);
    expect(one('共受理3件政府信息公开申请的行政复议。')).toEqual([]);
  });

  it('still reads "未收到…申请" that ends its clause or names the case it concerns', () => {
    expect(one('本年度未收到政府信息公开申请。')).toEqual([['applicationsReceived', 0, '未收到政府信息公开申请']]);
    expect(one('本年度未收到政府信息公开申请,无行政复议。')).toEqual([
      ['applicationsReceived', 0, '未收到政府信息公开申请'],
      ['reviewCases', 0, '无行政复议'],
    ]);
    expect(one('全年未收到政府信息公开申请的情况。')).toEqual([['applicationsReceived', 0, '未收到政府信息公开申请']]);
  });

  it('seed 000 with "本年度未收到政府信息公开申请的行政复议。": still 16 applications, and no application error', () => {
    const text = seed000With('本年度未收到政府信息公开申请的行政复议。');
    const report = parseReport(text);
    expect(ofKind(report.facts, 'applicationsReceived')).toEqual([['applicationsReceived', 16, '共受理16件政府信息公开申请']]);
    // What the sentence does say — no reviews — against table 四's one review is a real contradiction.
    expect(unsupportedCounts(text)).toEqual([['noneStated', '0', '未收到政府信息公开申请的行政复议']]);
  });
});

describe('a count stated for another year is not this report\'s', () => {
  const inYear = (sentence: string, year?: number) => summary(factsOf(sentence, year === undefined ? {} : { year }));

  it('drops a count whose sentence names another year, in its own clause or before it', () => {
    expect(inYear('2023年共受理政府信息公开申请12件。', 2024)).toEqual([]);
    expect(inYear('2023年,我办共受理政府信息公开申请12件。', 2024)).toEqual([]);
    expect(inYear('2023年未收到政府信息公开申请。', 2024)).toEqual([]);
    expect(inYear('2023年发生政府信息公开行政复议3件。', 2024)).toEqual([]);
    expect(inYear('2023年新制定行政规范性文件15件。', 2024)).toEqual([]);
  });

  it('keeps a count of the reporting year, and one whose year is unknown', () => {
    expect(inYear('2023年共受理政府信息公开申请12件。', 2023)).toEqual([['applicationsReceived', 12, '共受理政府信息公开申请12件']]);
    expect(inYear('2023年共受理政府信息公开申请12件。')).toEqual([['applicationsReceived', 12, '共受理政府信息公开申请12件']]);
    expect(inYear('2024年共受理政府信息公开申请16件,较2023年增加4件。', 2024)).toEqual([['applicationsReceived', 16, '共受理政府信息公开申请16件']]);
  });

  it('a year compared with or inside a title names no year of the count', () => {
    expect(inYear('与2023年相比,全年共受理政府信息公开申请16件。', 2024)).toEqual([['applicationsReceived', 16, '共受理政府信息公开申请16件']]);
    expect(inYear('按照《2023年政务公开工作要点》,全年共受理政府信息公开申请16件。', 2024)).toEqual([
      ['applicationsReceived', 16, '共受理政府信息公开申请16件'],
    ]);
  });

  it('the year of the previous sentence does not carry over', () => {
    expect(inYear('2023年制度已建立。全年共受理政府信息公开申请16件。', 2024)).toEqual([['applicationsReceived', 16, '共受理政府信息公开申请16件']]);
  });

  it('seed 000 (2024) with "2023年共受理政府信息公开申请12件。": still 16, and no unsupported count', () => {
    const text = seed000With('2023年共受理政府信息公开申请12件。');
    const report = parseReport(text);
    expect(report.meta.year?.value).toBe(2024);
    expect(ofKind(report.facts, 'applicationsReceived')).toEqual([['applicationsReceived', 16, '共受理16件政府信息公开申请']]);
    expect(unsupportedCounts(text)).toEqual([]);
  });
});

describe('a count stated for someone else than the reporting agency', () => {
  const government = { agency: '淮安市洪泽区人民政府' };
  const by = (sentence: string, context: FactContext = {}) => ofKind(factsOf(sentence, context), 'applicationsReceived');

  it('corpus 002: "区政府办代表区政府受理…17 件" is not the district\'s 95, and no unsupported count arises', () => {
    const text = fixtureText('corpus/002.txt');
    expect(text).toContain('区政府办代表区政府受理政府');
    const report = parseReport(text);
    expect(report.tables.applications?.rows.received?.cells.total).toMatchObject({ kind: 'count', value: 95 });
    expect(ofKind(report.facts, 'applicationsReceived')).toEqual([]);
    expect(unsupportedCounts(text)).toEqual([]);
  });

  it('corpus 001, the same district a year before: "2023 年全区受理…21 件" is read and agrees with its table', () => {
    const text = fixtureText('corpus/001.txt');
    expect(ofKind(parseReport(text).facts, 'applicationsReceived')).toEqual([['applicationsReceived', 21, '受理政府信息公开申请 21 件']]);
    expect(unsupportedCounts(text)).toEqual([]);
  });

  it('reads each report for its own agency, alternating agencies (each name made compact once, then remembered)', () => {
    const sentence = '2024年,区政府办公室共受理政府信息公开申请17件。';
    const office = { agency: '淮安市洪泽区人民政府办公室' };
    for (let round = 0; round < 3; round++) {
      expect(by(sentence, government)).toEqual([]);
      expect(by(sentence, office)).toEqual([['applicationsReceived', 17, '共受理政府信息公开申请17件']]);
    }
  });

  it('someone acting for another ("X代表Y受理") counts for neither', () => {
    expect(by('2024年,区政府办代表区政府受理政府信息公开申请17件。')).toEqual([]);
  });

  it('in a government\'s report, a count of one of its offices or towns is not the government\'s', () => {
    expect(by('2024年,区政府办公室共受理政府信息公开申请17件。', government)).toEqual([]);
    expect(by('2024年,共和镇共收到政府信息公开申请3件。', government)).toEqual([]);
    expect(by('区政府办未收到政府信息公开申请。', government)).toEqual([]);
  });

  it('keeps the government\'s own counts, the whole area\'s, and an office\'s in the office\'s own report', () => {
    expect(by('2024年,全区共受理政府信息公开申请95件。', government)).toEqual([['applicationsReceived', 95, '共受理政府信息公开申请95件']]);
    expect(by('2024年,我区共受理政府信息公开申请95件。', government)).toEqual([['applicationsReceived', 95, '共受理政府信息公开申请95件']]);
    expect(by('2024年,区政府办公室共受理政府信息公开申请17件。', { agency: '淮安市洪泽区人民政府办公室' })).toEqual([
      ['applicationsReceived', 17, '共受理政府信息公开申请17件'],
    ]);
    expect(by('2024年,区政府办公室共受理政府信息公开申请17件。')).toEqual([['applicationsReceived', 17, '共受理政府信息公开申请17件']]);
    // A town's report naming the town itself.
    expect(by('2022年,松木塘镇共收到政府信息公开申请3件。', { agency: '桃江县松木塘镇人民政府' })).toEqual([
      ['applicationsReceived', 3, '共收到政府信息公开申请3件'],
    ]);
  });
});

describe('table headings, as the catalog prints them, deny nothing', () => {
  // Tables 三 and 四 flattened to their labels alone, as a page with its numbers lost would read.
  const reviewRows: readonly RowDefinition[] = REVIEWS_TABLE.rows;
  const headed = new Set<string>();
  const applicationsHeadings = APPLICATIONS_TABLE.rows
    .map((row) => {
      const group = APPLICATIONS_TABLE.groups.find((candidate) => candidate.key === row.group);
      const heading = group && !headed.has(group.key) ? `${group.marker}${group.label}` : '';
      if (group) headed.add(group.key);
      return `${heading}${row.marker}${row.label}`;
    })
    .join('');
  const reviewsHeadings = [
    `四、${REVIEWS_TABLE.title}`,
    ...reviewRows.filter((row) => row.group === undefined).map((row) => row.label),
    ...REVIEWS_TABLE.groups.map((group) => group.label),
    ...CASE_OUTCOME_COLUMNS.map((column) => column.label),
    ...reviewRows.filter((row) => row.group !== undefined).flatMap((row) => [row.label, ...row.columns.map((column) => column.label)]),
  ].join('');

  it('the negations inside the labels ("无法提供", "尚未审结", "未经复议直接起诉") are no statements', () => {
    expect(applicationsHeadings).toContain('无法提供');
    expect(reviewsHeadings).toContain('尚未审结');
    expect(summary(factsOf(applicationsHeadings + reviewsHeadings))).toEqual([]);
    // A blank table 四 printed row by row: "…尚未审结总计行政诉讼未经复议直接起诉…".
    const rowByRow = [
      ...reviewRows.filter((row) => row.group === undefined).flatMap((row) => [row.label, ...row.columns.map((column) => column.label)]),
      ...REVIEWS_TABLE.groups.map((group) => group.label),
      ...reviewRows.filter((row) => row.group !== undefined).flatMap((row) => [row.label, ...row.columns.map((column) => column.label)]),
    ].join(' ');
    expect(rowByRow).toContain('尚未审结 总计 行政诉讼 未经复议直接起诉');
    expect(summary(factsOf(`四、${REVIEWS_TABLE.title}\n${rowByRow}`))).toEqual([]);
  });

  it('nor are they in a sentence: "尚未审结的行政复议", "未经复议直接起诉的行政诉讼" deny no cases', () => {
    expect(summary(factsOf('另有部分尚未审结的政府信息公开行政复议案件。'))).toEqual([]);
    expect(summary(factsOf('涉及政府信息公开的未经复议直接起诉的行政诉讼案件均已审结。'))).toEqual([]);
  });

  it('a negation that runs into table 四\'s headings (text cut off where the table begins) denies nothing', () => {
    const cutOff = `本年度政府信息公开工作没有\n${CASE_OUTCOME_COLUMNS.map((column) => column.label).join(' ')}\n${REVIEWS_TABLE.rows[0].label}`;
    expect(summary(factsOf(cutOff))).toEqual([]);
  });

  it('a sentence denying cases next to them is still read', () => {
    expect(summary(factsOf(`本年度没有发生因政府信息公开引起的行政复议和行政诉讼。${reviewsHeadings}`))).toEqual([
      ['reviewCases', 0, '没有发生因政府信息公开引起的行政复议'],
      ['litigationCases', 0, '没有发生因政府信息公开引起的行政复议和行政诉讼'],
    ]);
  });
});

describe('what became of the applications, and 办理 as the verb that counts them', () => {
  const factsOf = (text: string) => parseReport(text).facts.map((fact) => [fact.kind, fact.value, fact.text]);

  it('corpus 004: 收到70件申请, 办结69件, 1件结转 — each compared with its cell, and all agree', () => {
    const text = fixtureText('corpus/004.txt');
    expect(factsOf(text)).toEqual(
      expect.arrayContaining([
        ['applicationsReceived', 70, '共收到70件申请'],
        ['applicationsConcluded', 69, '办结69件'],
        ['applicationsCarriedForward', 1, '1件结转下年度'],
      ]),
    );
    expect(checkReport(parseReport(text)).filter((diagnostic) => diagnostic.ruleId === 'unsupported-count')).toEqual([]);
  });

  it('a planted disagreement (办结68件 where the table has 69) is one unsupported-count, on the narrative\'s words', () => {
    const text = fixtureText('corpus/004.txt').replace('办结69件', '办结68件');
    const found = checkReport(parseReport(text)).filter((diagnostic) => diagnostic.ruleId === 'unsupported-count');
    expect(found.map((diagnostic) => [diagnostic.row, diagnostic.column, diagnostic.expected, diagnostic.actual])).toEqual([['concludedTotal', 'total', '69', '68']]);
    expect(found[0]?.span && text.slice(found[0].span.start, found[0].span.end)).toBe('办结68件');
  });

  it('corpus 010: "办理政府信息公开申请218件" states the applications', () => {
    expect(factsOf(fixtureText('corpus/010.txt'))).toContainEqual(['applicationsReceived', 218, '办理政府信息公开申请218件']);
  });

  it('办结 of anything else (人大代表建议, 服务事项) is no application outcome', () => {
    expect(factsOf('一、总体情况\n按时办结人大代表建议12件，政协提案3件。92%公共服务事项办结时长缩短。')).toEqual([]);
  });
});

describe('outcomes and applicants the narrative counts, in its own wordings (catalog narrative.ts)', () => {
  // What became of the applications and who made them: every kind but the applications, documents, cases and fee.
  const others = new Set(['applicationsReceived', 'normativeDocumentsIssued', 'normativeDocumentsInForce', 'reviewCases', 'litigationCases', 'processingFeeCollected']);
  const newFacts = (text: string) => summary(parseReport(text).facts.filter((fact) => !others.has(fact.kind)));
  // Seed 000's table 三: 16 received from natural persons, 1 disclosed, 3 in part, 9 not held, 16 concluded, none carried forward.
  const agreeing = '其中，自然人十六件，予以公开及部分公开4件，无法提供9件，办结16件，结转0件。';

  it('corpus 028: "其中,予以公开2件,部分公开2件" goes on from the sentence that counted the applications', () => {
    expect(newFacts(fixtureText('corpus/028.txt'))).toEqual([
      ['applicationsGranted', 2, '予以公开2件'],
      ['applicationsPartiallyGranted', 2, '部分公开2件'],
    ]);
  });

  it('corpus 005: "涉及自然人72件" counts the 71 new and the 1 carried over, and agrees', () => {
    const text = fixtureText('corpus/005.txt');
    expect(newFacts(text)).toEqual([['applicationsFromNaturalPersons', 72, '自然人72件']]);
    expect(unsupportedCounts(text)).toEqual([]);
  });

  it('corpus 005 with "自然人70件": one unsupported-count, with the narrative\'s span and both cells as related places', () => {
    const text = fixtureText('corpus/005.txt').replace('自然人72件', '自然人70件');
    const found = checkReport(parseReport(text)).filter((diagnostic) => diagnostic.ruleId === 'unsupported-count');
    expect(found.map((diagnostic) => [diagnostic.messageId, diagnostic.row, diagnostic.column, diagnostic.expected, diagnostic.actual])).toEqual([
      ['receivedMismatch', 'received', 'naturalPerson', '71', '70'],
    ]);
    expect(found[0]?.span && text.slice(found[0].span.start, found[0].span.end)).toBe('自然人70件');
    expect(found[0]?.related?.map((related) => [related.row, related.column, related.value])).toEqual([
      ['received', 'naturalPerson', '71'],
      ['carriedOver', 'naturalPerson', '1'],
    ]);
    expect(found[0]?.related?.every((related) => related.span !== undefined)).toBe(true);
  });

  it('reads 予以公开及部分公开, 无法提供, 办结 and "结转M件", a Chinese numeral, each agreeing with its cells (seed 000)', () => {
    const text = seed000With(agreeing);
    expect(newFacts(text)).toEqual([
      ['applicationsFromNaturalPersons', 16, '自然人十六件'],
      ['applicationsGrantedOrPartly', 4, '予以公开及部分公开4件'],
      ['applicationsUnableToProvide', 9, '无法提供9件'],
      ['applicationsConcluded', 16, '办结16件'],
      ['applicationsCarriedForward', 0, '结转0件'],
    ]);
    expect(unsupportedCounts(text)).toEqual([]);
  });

  it('each one planted wrong is one unsupported-count on its own words', () => {
    expect(unsupportedCounts(seed000With(agreeing.replace('予以公开及部分公开4件', '予以公开及部分公开5件')))).toEqual([
      ['sumMismatch', '5', '予以公开及部分公开5件'],
    ]);
    expect(unsupportedCounts(seed000With(agreeing.replace('无法提供9件', '无法提供两件')))).toEqual([['sumMismatch', '2', '无法提供两件']]);
    expect(unsupportedCounts(seed000With(agreeing.replace('结转0件', '结转1件')))).toEqual([['mismatch', '1', '结转1件']]);
  });

  it('"予以公开一件，部分公开三件" in Chinese numerals; a sentence broken by a line break is still one sentence', () => {
    const text = seed000With('其中，予以公开一件，部分\n公开三件。');
    expect(newFacts(text)).toEqual([
      ['applicationsGranted', 1, '予以公开一件'],
      ['applicationsPartiallyGranted', 3, '部分\n公开三件'],
    ]);
    expect(unsupportedCounts(text)).toEqual([]);
  });

  it('units 件, 条, 起, 宗, 份 all count; "第一件", "数十件", "十余件" and "一两件" state no count', () => {
    for (const unit of ['件', '条', '起', '宗', '份']) expect(newFacts(seed000With(`其中，予以公开1${unit}。`))).toEqual([['applicationsGranted', 1, `予以公开1${unit}`]]);
    for (const vague of ['其中，予以公开的第一件申请当日答复。', '其中，予以公开数十件。', '其中，予以公开十余件。', '其中，予以公开一两件。']) {
      expect(newFacts(seed000With(vague)), vague).toEqual([]);
    }
  });

  it('"上年结转2件" came in: no count carried forward; outcomes of proposals or letters are none of the applications', () => {
    expect(newFacts(seed000With('上年结转2件。'))).toEqual([]);
    expect(newFacts(seed000With('其中，上年结转2件。'))).toEqual([]);
    expect(newFacts('一、总体情况\n全年办理人大代表建议12件，其中予以公开10件，部分公开2件。')).toEqual([]);
  });
});
