import { describe, expect, it } from 'vitest';
import { surveyPage } from '../../src/document/html/article.js';
import type { PageSurvey } from '../../src/document/html/article.js';
import { parseTallied } from '../../src/document/html/parse.js';
import { fixtureText } from '../support/fixtures.js';
import { publishSeed } from '../support/html-pages.js';

/** The survey tallied during the parse, beside the walk's of the same tree. */
function bothSurveys(html: string): { tallied: PageSurvey | undefined; walked: PageSurvey } {
  const { document, tally } = parseTallied(html);
  if (!tally) throw new Error('the reader’s parser is not in use');
  return { tallied: tally.survey(), walked: surveyPage(document) };
}

/** The walk's findings, element for element (the same nodes, not equal copies). */
function expectSameSurvey(tallied: PageSurvey | undefined, walked: PageSurvey): void {
  expect(tallied).toBeDefined();
  const found = tallied as PageSurvey;
  expect(found.article).toBe(walked.article);
  expect(found.title).toBe(walked.title);
  expect(found.guessed).toBe(walked.guessed);
  expect(found.pageTitle).toBe(walked.pageTitle);
  expect(found.publishedOn).toBe(walked.publishedOn);
  expect(Object.keys(found).sort()).toEqual(Object.keys(walked).sort());
}

// A small generator of pages: containers, chrome, links, headings, tables, formatting and the head's
// metadata in any order, misnested and unclosed — the parser repairs them as a browser does.
const PIECES = [
  '<div>', '</div>', '<div class="zoom">', '<div class="TRS_Editor">', '<div class="nav">', '<div id="footer">',
  '<div style="display:none">', '<p>', '</p>', '<p class="MsoNormal">', '<a href="x">', '</a>', '<b>', '</b>', '<i>', '</i>',
  '<table>', '</table>', '<tr>', '<td>', '</td>', '</tr>', '<h1>', '</h1>', '<h2 class="title">', '</h2>', '<span class="bt">',
  '</span>', '<form>', '</form>', '<script>x</script>', '<head>', '</head>', '<body class="nav">', '<body>', '</body>', '</html>',
  '<html class="x">', '<meta name="PubDate" content="2021-03-04">', '<title>某县2021年度政府信息公开工作年度报告</title>',
  '发布时间：2022-02-08', '报告正文一二三四五', '年度报告标题很长', 'text', ' ', '\n', '<br>', '<img>', '<article>', '</article>',
  '<section>', '</section>', '<template>', '</template>', '<svg>', '</svg>', '<select>', '<option>', '<center>', '<li>', '<ul>',
  '</ul>', '<frameset>', '<nav>', '</nav>', '<main>', '</main>', '<!-- c -->', '<textarea>', '</textarea>', '<header>', '&nbsp;',
];

function generatedPages(count: number): string[] {
  let seed = 14;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  return Array.from({ length: count }, () => {
    let html = '';
    const pieces = 1 + Math.floor(random() * 40);
    for (let index = 0; index < pieces; index++) html += PIECES[Math.floor(random() * PIECES.length)];
    return html;
  });
}

describe('the survey tallied during the parse', () => {
  it.each(['004', '005', '006', '010', '043'])('finds on corpus page %s.html what the walk finds, without the walk', (id) => {
    const { tallied, walked } = bothSurveys(fixtureText(`corpus/${id}.html`));
    expectSameSurvey(tallied, walked);
    expect(walked.article).toBeDefined();
  });

  it('finds on a seed page with chrome and merged cells what the walk finds', () => {
    const { tallied, walked } = bothSurveys(publishSeed('000').html);
    expectSameSurvey(tallied, walked);
  });

  it.each([
    ['a container holding links and a form', '<div class="zoom"><a>x</a>报告<form>y<div>z</div></form>w</div>'],
    ['two containers, the second holding more', '<div class="zoom">短</div><div class="TRS_Editor">长长长长</div>'],
    ['the densest block below chrome', '<body><div><p>aaa<div>bbbbbb</div></div><div class="nav">ccccccccc</div></body>'],
    ['a date in the text, no metadata', '<div class="info">发布时间：2022-02-08</div><div class="zoom">正文</div>'],
    ['head content after the body', '<title>某县2021年度政府信息公开工作年度报告</title><body>a</body><meta name="PubDate" content="2021-03-04"><p>b'],
    ['formatting reopened across paragraphs', '<p><b>粗<p>体</b>续</p>'],
    ['a link inside a link', '<a href="1">1<a href="2">2</a>'],
    ['nothing closed', '<div><span>a<table><tr><td>b'],
    ['a </form> below open elements', '<div class="zoom"><form><div>甲</form>乙</div></div>'],
    ['a frameset page', '<html><head><title>t</title></head><frameset><frame></frameset>'],
  ])('finds on %s what the walk finds', (_name, html) => {
    const { tallied, walked } = bothSurveys(html);
    expectSameSurvey(tallied, walked);
  });

  it.each([
    ['text fostered out of a table', '<table>前<tr><td>1</td>后</tr></table>'],
    ['an element fostered out of a table', '<table><div class="zoom">正文</div><tr><td>1</td></tr></table>'],
    ['the adoption agency moving nodes', '<a href="x"><div>1</a>2</div><b><i>3</b>4</i>'],
    ['a repeated <body> tag making the body chrome', '<body><div>t</div><body class="nav">'],
    ['a frameset replacing the body', '<div class="zoom"></div><frameset><frame></frameset>'],
  ])('leaves the survey to the walk when %s (a node not where the parser first put it)', (_name, html) => {
    expect(bothSurveys(html).tallied).toBeUndefined();
  });

  it('finds on thousands of generated pages what the walk finds, whenever no node was moved', () => {
    let tallied = 0;
    for (const html of generatedPages(3000)) {
      const surveys = bothSurveys(html);
      if (surveys.tallied === undefined) continue;
      tallied++;
      expectSameSurvey(surveys.tallied, surveys.walked);
    }
    // Most pages are tallied: the comparison is not vacuous.
    expect(tallied).toBeGreaterThan(1500);
  });
});
