import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check.js';
import { checkReport } from '../../src/rules/index.js';
import { tableAsImage } from '../../src/rules/table-as-image.js';
import type { AnnualReport } from '../../src/model/index.js';
import { parseReport } from '../../src/read/index.js';
import { fixtureText, seedText } from '../support/fixtures.js';
import { seed, testRule } from './tester.js';

/** Seed 001's report with these tables taken out and an image standing in each of these sections. */
function withImages(tables: readonly ('activeDisclosure' | 'applications' | 'reviews')[], sections: readonly AnnualReport['sections'][number]['key'][]): AnnualReport {
  const report = parseReport(seedText('001'));
  for (const table of tables) delete report.tables[table];
  report.figures = sections.map((section) => ({ section }));
  return report;
}

testRule(tableAsImage, {
  valid: [
    { name: 'seed 001: its tables are tables', report: () => seed('001').report },
    { name: 'a chart beside table 三, which is there', report: () => withImages([], ['applications']) },
    { name: 'table 三 left out, the image is in another section: table-missing reports it', report: () => withImages(['applications'], ['activeDisclosure']) },
  ],
  invalid: [
    {
      name: 'tables 三 and 四 published as images: one warning naming both',
      report: () => withImages(['applications', 'reviews'], ['reviewsAndLitigation', 'applications']),
      diagnostics: [
        {
          messageId: 'asImage',
          severity: 'warning',
          table: 'applications',
          span: null,
          message: {
            'zh-CN':
              '表三（收到和处理政府信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况）所在部分有图片而没有表格：若表格以图片发布，其中的数字无法读取，表内勾稽关系和正文与表格是否一致都未能核对，应以文字表格发布；若图片不是该表，则报告缺少该表。',
            en: 'The section of Table 三 (Applications received and handled), Table 四 (Administrative reviews and litigation) holds an image and no table: if the table is published as an image, its numbers cannot be read and neither its sums nor the text against it were checked, so publish it as a text table; if the image is not the table, the table is missing.',
          },
        },
      ],
    },
  ],
});

describe('table-missing and table-as-image', () => {
  it('a table published as an image is not also a missing table; one left out still is', () => {
    const ids = (report: AnnualReport) => checkReport(report).map((diagnostic) => diagnostic.ruleId);
    expect(ids(withImages(['applications'], ['applications']))).toEqual(['table-as-image']);
    expect(ids(withImages(['applications'], []))).toEqual(['table-missing']);
    expect(ids(withImages(['applications', 'reviews'], ['applications']))).toEqual(['table-missing', 'table-as-image']);
  });
});

// Corpus 010 as published (a real page), its tables replaced by pictures of them.
const PAGE = fixtureText('corpus/010.html');
const TABLE = /<table[\s\S]*?<\/table>/gi;
const picture = (attributes = 'width="600"') => `<p><img src="/u/cms/www/202401/biao.png" ${attributes}></p>`;
const replaceTables = (which: readonly number[], attributes?: string): string => {
  let index = 0;
  return PAGE.replace(TABLE, (table) => (which.includes(index++) ? picture(attributes) : table));
};
const findingsOf = async (html: string) => (await checkDocument(html)).diagnostics.map((diagnostic) => `${diagnostic.ruleId}:${diagnostic.severity}:${diagnostic.table ?? ''}`);

describe('a published page whose tables are pictures (corpus 010)', () => {
  it('has three tables to replace, and checks clean with them', async () => {
    expect(PAGE.match(TABLE)).toHaveLength(3);
    expect(await findingsOf(PAGE)).toEqual([]);
  });

  it('all three as images: one warning naming the three, at the first <img>, no table-missing', async () => {
    const html = replaceTables([0, 1, 2]);
    const { diagnostics, report } = await checkDocument(html);
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['table-as-image']);
    const [diagnostic] = diagnostics;
    expect(diagnostic?.severity).toBe('warning');
    expect(diagnostic?.message).toContain('表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）、表四');
    const pictures = [...html.matchAll(/<img src="\/u\/cms\/www\/202401\/biao\.png"/g)].map((match) => match.index);
    expect(pictures).toHaveLength(3);
    expect(diagnostic?.span?.start).toBe(pictures[0]);
    expect(html.slice(diagnostic?.span?.start, diagnostic?.span?.end)).toBe('<img src="/u/cms/www/202401/biao.png" width="600">');
    expect(diagnostic?.related?.map((related) => related.span?.start)).toEqual(pictures);
    expect(report.figures?.map((figure) => figure.section)).toEqual(['activeDisclosure', 'applications', 'reviewsAndLitigation']);
    expect(report.figures?.map((figure) => figure.target)).toEqual(Array(3).fill('/u/cms/www/202401/biao.png'));
  });

  it('a lazily loaded picture is given by its data-src', async () => {
    const { report } = await checkDocument(replaceTables([1], 'data-src="/u/lazy/biao3.jpg" width="600"'));
    expect(report.figures?.map((figure) => figure.target)).toEqual(['/u/lazy/biao3.jpg']);
  });

  it('only table 三 as an image: the warning names table 三 alone; the other tables are read and checked', async () => {
    expect(await findingsOf(replaceTables([1]))).toEqual(['table-as-image:warning:applications']);
  });

  it('an icon-sized image where a table belongs is no picture of it: the table is missing', async () => {
    expect(await findingsOf(replaceTables([1], 'width="16" height="16"'))).toEqual(['table-missing:error:applications']);
    expect(await findingsOf(replaceTables([1], 'style="width: 24px; height: 24px"'))).toEqual(['table-missing:error:applications']);
    expect(await findingsOf(replaceTables([1], 'class="file-icon"'))).toEqual(['table-missing:error:applications']);
  });

  it('a width in percent scales with the page: the picture counts', async () => {
    expect(await findingsOf(replaceTables([1], 'width="90%"'))).toEqual(['table-as-image:warning:applications']);
  });

  it('a chart beside a table truly left out cannot be told from the table pictured: the one warning says both', async () => {
    const html = replaceTables([1], 'width="600" alt="申请情况图"');
    const { diagnostics } = await checkDocument(html);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      '表三（收到和处理政府信息公开申请情况）所在部分有图片而没有表格：若表格以图片发布，其中的数字无法读取，表内勾稽关系和正文与表格是否一致都未能核对，应以文字表格发布；若图片不是该表，则报告缺少该表。',
    ]);
  });

  it('an image closing the article, after the last section’s text, is the last section’s', async () => {
    // The page cut after table 四, which is a picture: nothing follows it.
    const tables = [...PAGE.matchAll(TABLE)];
    const last = tables[2] as RegExpMatchArray;
    const html = `${PAGE.slice(0, last.index)}${picture()}</div></div></body></html>`;
    const { report } = await checkDocument(html);
    expect(report.figures?.map((figure) => figure.section)).toEqual(['reviewsAndLitigation']);
  });

  it('an image in a hidden element or in the site chrome is not the article’s', async () => {
    const hidden = PAGE.replace(TABLE, (table) => (table === PAGE.match(TABLE)?.[1] ? `<div style="display:none">${picture()}</div>` : table));
    expect(await findingsOf(hidden)).toEqual(['table-missing:error:applications']);
  });
});
