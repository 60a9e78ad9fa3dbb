import { describe, expect, it } from 'vitest';
import { checkDocument, checkText, normalize, parseReport } from '../../src/index.js';
import { notAReport } from '../../src/rules/not-a-report.js';
import { sampleReport } from '../../src/rules/index.js';
import { fixtureText } from '../support/fixtures.js';
import { seed, testRule } from './tester.js';

const INDEX_PAGE = '政府信息公开年报\n2023年度平潭综合实验区政府信息公开工作年度报告 2024-01-20\n2022年度平潭综合实验区政府信息公开工作年度报告 2023-01-20\n';

const message = {
  'zh-CN': '该文本不是政府信息公开工作年度报告：没有找到任何一个部分标题或统计表。',
  en: 'This text is not an annual report on government information disclosure: none of its section headings or tables was found.',
};

testRule(notAReport, {
  valid: [
    { name: 'the sample report', report: () => sampleReport() },
    { name: 'seed 000, a whole report', report: () => seed('000').report },
    { name: 'an excerpt (corpus 034): a report, though cut short', report: () => parseReport(fixtureText('corpus/034.txt')) },
    { name: 'one sentence stating the statistics period: words only a report writes', report: () => parseReport('本年报中所列数据的统计期限自年月日起至年12月31日止。') },
  ],
  invalid: [
    {
      name: '"hello world": one error, at its last character',
      source: normalize('hello world'),
      report: () => parseReport('hello world'),
      diagnostics: [{ messageId: 'notAReport', severity: 'error', span: { text: 'd', line: 1, column: 11 }, message }],
    },
    {
      name: 'an index page of reports (titles only)',
      source: normalize(INDEX_PAGE),
      report: () => parseReport(INDEX_PAGE),
      diagnostics: [{ messageId: 'notAReport', severity: 'error', span: { text: '0', line: 3, column: 36 }, message }],
    },
    {
      name: 'an empty file',
      source: normalize(''),
      report: () => parseReport(''),
      diagnostics: [{ messageId: 'notAReport', severity: 'error', span: { text: '', line: 1, column: 1 }, message }],
    },
  ],
});

describe('a text that is not a report, checked in full', () => {
  it.each([['hello world'], [''], [INDEX_PAGE], ['   \n\n  ']])('gives the one not-a-report error and nothing else: %j', (text) => {
    expect(checkText(text).diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([['not-a-report', 'error']]);
  });
});

describe('a page whose article is only pictures (corpus 010, its article replaced by five images)', () => {
  const page = fixtureText('corpus/010.html');
  const open = '<div class=TRS_Editor>';
  const start = page.indexOf(open);
  // The article's end: the TRS container closes before the page's 附件 block.
  const end = page.indexOf('</div>', page.lastIndexOf('</table>')) + '</div>'.length;
  const pictures = Array.from({ length: 5 }, (_, index) => `<p><img src="/u/cms/p${index}.png" width="700"></p>`).join('');
  const html = `${page.slice(0, start)}${open}${pictures}</div>${page.slice(end)}`;

  it('gets one not-a-report error that says it may be a report published as images, at the first picture', async () => {
    expect(start).toBeGreaterThan(0);
    const { diagnostics } = await checkDocument(html);
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['not-a-report']);
    const [diagnostic] = diagnostics;
    expect(diagnostic?.message).toBe(
      '没有找到年度报告的任何一个部分标题或统计表，正文中有 5 张图片：如果报告是以图片发布的，其文字和表格无法读取、无法检查，应以文字发布；否则该页面不是政府信息公开工作年度报告。',
    );
    expect(diagnostic?.span?.start).toBe(html.indexOf('<img src="/u/cms/p0.png"'));
  });

  it('a text page with no images keeps the plain message', () => {
    expect(checkText('hello world').diagnostics.map((diagnostic) => diagnostic.message)).toEqual([message['zh-CN']]);
  });
});

describe('a page that holds only the link to its report (corpus 010, its article replaced by the link)', () => {
  const page = fixtureText('corpus/010.html');
  const open = '<div class=TRS_Editor>';
  const start = page.indexOf(open);
  const end = page.indexOf('</div>', page.lastIndexOf('</table>')) + '</div>'.length;
  const withArticle = (article: string) => `${page.slice(0, start)}${open}${article}</div>${page.slice(end)}`;
  const link = '<p>附件：<a href="/u/cms/www/202401/P020240119%E5%B9%B4%E6%8A%A5.pdf">平潭综合实验区2023年政府信息公开工作年度报告.pdf</a></p>';

  it('gets one not-a-report error naming the attached file, at the link; the report lists every attachment', async () => {
    const html = withArticle(`${link}<p><a href="/u/cms/www/202401/tables.xlsx?v=2">点击下载</a></p><p><a href="/zwgk/index.html">返回</a></p>`);
    const { diagnostics, report } = await checkDocument(html);
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['not-a-report']);
    expect(diagnostics[0]?.message).toBe(
      '没有找到年度报告的任何一个部分标题或统计表，页面附有 2 个文件（首个：“平潭综合实验区2023年政府信息公开工作年度报告.pdf”）：报告可能在附件中，应检查附件本身；否则该页面不是政府信息公开工作年度报告。',
    );
    expect(diagnostics[0]?.span?.start).toBe(html.indexOf('<a href="/u/cms/www/202401/P0'));
    // A link whose text names no file ("点击下载") is named by its address's file name; a link to a page is no attachment.
    expect(report.attachments?.map(({ name, target }) => [name, target])).toEqual([
      ['平潭综合实验区2023年政府信息公开工作年度报告.pdf', '/u/cms/www/202401/P020240119%E5%B9%B4%E6%8A%A5.pdf'],
      ['tables.xlsx', '/u/cms/www/202401/tables.xlsx?v=2'],
    ]);
  });

  it('an embedded PDF viewer counts as the attachment, named by its decoded file name', async () => {
    const { diagnostics, report } = await checkDocument(withArticle('<iframe src="/u/cms/www/202401/P020240119%E5%B9%B4%E6%8A%A5.pdf" width="100%"></iframe>'));
    expect(report.attachments?.map((attachment) => attachment.name)).toEqual(['P020240119年报.pdf']);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([expect.stringContaining('（首个：“P020240119年报.pdf”）')]);
  });

  it('a viewer page given the file, the same file linked twice, a link from a table cell, and no script or mail link', async () => {
    const html = withArticle(
      '<p><a href="/u/r.pdf"><img src="/images/pdf.png" width="600"></a><a href="/u/r.pdf">2023年度报告</a></p>' +
        '<table><tr><td>附件2：</td><td><a href="/u/tables.xls">统计表</a></td></tr><tr><td>附件3：</td><td><a href="javascript:open(\'x.pdf\')">x</a></td></tr></table>' +
        '<iframe src="/pdfjs/web/viewer.html?file=%2Fu%2F2024%E5%B9%B4%E6%8A%A5.pdf&zoom=1"></iframe><p><a href="mailto:a@b.cn?subject=r.pdf">邮件</a></p>',
    );
    const { report } = await checkDocument(html);
    expect(report.attachments?.map(({ name, target }) => [name, target])).toEqual([
      ['2023年度报告', '/u/r.pdf'],
      ['统计表', '/u/tables.xls'],
      ['2024年报.pdf', '/pdfjs/web/viewer.html?file=%2Fu%2F2024%E5%B9%B4%E6%8A%A5.pdf&zoom=1'],
    ]);
  });

  it('a page of text with a photo, no report: the message says both readings', async () => {
    const { diagnostics } = await checkDocument(withArticle('<p>我区召开政务公开工作推进会，会议总结了去年的工作，部署了今年的任务。</p><p><img src="/u/photo.jpg" width="800"></p>'));
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([expect.stringMatching(/^没有找到年度报告的任何一个部分标题或统计表，正文中有 1 张图片：如果报告是以图片发布的.*否则该页面不是政府信息公开工作年度报告。$/)]);
  });

  it('a whole report that also links its PDF is read as the report it is: no finding', async () => {
    const html = page.replace(open, `${open}${link}`);
    const { diagnostics, report } = await checkDocument(html);
    expect(diagnostics).toEqual([]);
    expect(report.attachments).toHaveLength(1);
  });
});
