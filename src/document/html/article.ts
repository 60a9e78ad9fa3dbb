/**
 * Finding the article in a published page: the element that holds the report, without the site's
 * navigation, headers, footers, breadcrumbs, metadata boxes, forms and scripts around it — the
 * common CMS containers first (TRS, 开普云, 新点, 大汉, 博达 …), the densest block of text otherwise.
 * Also the page's own title and publication date, which sit outside the article.
 *
 * @packageDocumentation
 */
import { ElementKinds, kindsOf, visibleLengthOf } from './classify.js';
import type { Element, Node, TextNode } from './classify.js';

export type { Element, Node, TextNode } from './classify.js';

const { HAS_WORDS, CHROME, CONTENT, TITLE, HIDDEN, SKIPPED_TAG, CONTAINER_TAG } = ElementKinds;

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

const childrenOf = (node: Node): readonly Node[] => ('childNodes' in node ? node.childNodes : []);

/** What the page is made of, as far as finding the article goes. */
export interface PageSurvey {
  /** The element that holds the report. */
  readonly article: Element | undefined;
  /** True when no CMS container was found and the article is the densest block: chrome inside it is left out by its class too. */
  readonly guessed: boolean;
  /** The report's title as the page heads the article with, when it is outside the article. */
  readonly title?: Element;
  /** The page's `<title>` text, and the `ArticleTitle` / `PubDate` metadata the national site standard asks for. */
  readonly pageTitle?: string;
  /** The publication date as the page states it outside the article (ISO `YYYY-MM-DD`). */
  readonly publishedOn?: string;
}

const REPORT_TITLE = /报告|年报|報告|年報/;
const DATE_LINE = /(?:发布日期|发布时间|發佈日期|發布日期|发文日期|成文日期|日期|时间|時間)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const DATE_WORD = /日期|时间|時間/;
const DATE_VALUE = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const MAX_TITLE = 100;
// What the survey's walk knows of an element it is inside: its children's text counts (not a link's,
// not chrome's), and it may be the densest block (an element that is not chrome).
const CHILDREN_COUNTED = 1;
const RANKED = 2;
// The element is a container the densest block may be (CONTAINER_TAGS).
const CONTAINER = 4;

function isoDate(match: RegExpExecArray | null): string | undefined {
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1990 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The text of a subtree (chrome inside it included), whitespace collapsed; at most `limit` characters. */
export function textOf(node: Node, limit = 400): string {
  let text = '';
  const stack: Node[] = [node];
  while (stack.length > 0 && text.length < limit) {
    const current = stack.pop() as Node;
    if (current.nodeName === '#text') text += (current as TextNode).value;
    else if (current.nodeName !== 'script' && current.nodeName !== 'style') {
      const children = childrenOf(current);
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as Node);
    }
  }
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * An element that may be the densest block, with its visible text and, among its children that
 * may be, the one holding the most (the first of those holding as much): the path {@link densest}
 * follows down from `<body>`.
 */
interface RankedBlock {
  readonly element: Element;
  readonly text: number;
  /** A container the densest block may be (one of the `CONTAINER_TAGS`). */
  readonly container: boolean;
  readonly densestChild: RankedBlock | undefined;
}

/**
 * Surveys a parsed page: finds the article (a CMS container, else the densest block of text outside
 * chrome), the report's title heading the article, the page title and the publication date.
 * Iterative and linear in the size of the page, whatever its depth.
 */
export function surveyPage(document: Node): PageSurvey {
  // One pass in document order: the visible text under each element (links and chrome left out),
  // the CMS containers, the title candidates and the metadata. The text under an element is
  // counted as the walk leaves it, and kept only where it is compared: for the containers, and as
  // each element's densest child (see {@link RankedBlock}).
  let body: RankedBlock | undefined;
  const containers: Element[] = [];
  const containerTexts: number[] = [];
  const titles: Element[] = [];
  let pageTitle: string | undefined;
  let articleTitle: string | undefined;
  let metaDate: string | undefined;
  // Publication dates written in text ("时间：2022-02-08 16:34"), with where they are.
  const dateLines: { at: number; date: string }[] = [];

  // The path from the document down to the node the walk is at, one entry per level: the node, the
  // index of its next child to visit, the visible text counted under it so far, what it is (the
  // bits above), its densest child so far, and its place in `containers` (-1 when it is none).
  // Walking the children by index, rather than stacking each of them, touches each node once.
  const path: Node[] = [document];
  const nextChild: number[] = [0];
  const texts: number[] = [0];
  const levels: number[] = [CHILDREN_COUNTED];
  const densestChildren: (RankedBlock | undefined)[] = [undefined];
  const containerIndexes: number[] = [-1];
  let depth = 0;
  while (depth >= 0) {
    const parent = path[depth] as Node;
    const children = childrenOf(parent);
    const index = nextChild[depth] as number;
    if (index >= children.length) {
      // The walk leaves `parent`: its text is added to its own parent's, and kept where it is compared.
      const text = texts[depth] as number;
      const level = levels[depth] as number;
      const densestChild = densestChildren[depth];
      const containerIndex = containerIndexes[depth] as number;
      depth--;
      if (depth < 0) break;
      texts[depth] = (texts[depth] as number) + text;
      if (containerIndex >= 0) containerTexts[containerIndex] = text;
      if (level & RANKED || parent === body?.element) {
        const element = parent as Element;
        const rival = densestChildren[depth];
        const ranked = level & RANKED && (rival === undefined || text > rival.text);
        if (ranked || parent === body?.element) {
          const block: RankedBlock = { element, text, container: (level & CONTAINER) !== 0, densestChild };
          if (ranked) densestChildren[depth] = block;
          if (parent === body?.element) body = block;
        }
      }
      continue;
    }
    nextChild[depth] = index + 1;
    const node = children[index] as Node;
    if (node.nodeName === '#text') {
      if ((levels[depth] as number) & CHILDREN_COUNTED) texts[depth] = (texts[depth] as number) + visibleLengthOf(node as TextNode);
      // A date in the text is looked for only when the head's metadata gave none (the head is walked first).
      if (metaDate === undefined) {
        const value = (node as TextNode).value;
        if (value.length <= 200 && DATE_WORD.test(value)) {
          const date = isoDate(DATE_LINE.exec(value));
          if (date) dateLines.push({ at: (node as TextNode).sourceCodeLocation?.startOffset ?? 0, date });
        }
      }
      continue;
    }
    if (!('childNodes' in node)) continue;
    let level = (levels[depth] as number) & CHILDREN_COUNTED;
    let containerIndex = -1;
    if ('tagName' in node) {
      const element = node as Element;
      const name = element.nodeName;
      if (name === 'head') {
        // The head's <title> and <meta> are read; nothing in it is text.
        for (const child of element.childNodes) {
          if (child.nodeName === 'title') pageTitle ??= textOf(child, MAX_TITLE * 2);
          if (child.nodeName !== 'meta' || !('tagName' in child)) continue;
          const metaName = (attribute(child, 'name') ?? '').toLowerCase();
          const content = attribute(child, 'content');
          if (content === undefined) continue;
          if (metaName === 'articletitle') articleTitle ??= content.trim();
          if (metaName === 'pubdate' || metaName === 'publishdate' || metaName === 'firstpublishedtime') metaDate ??= isoDate(DATE_VALUE.exec(content));
        }
        continue;
      }
      const kinds = kindsOf(element);
      if (kinds & SKIPPED_TAG) continue;
      const chrome = (kinds & HAS_WORDS) !== 0 && (kinds & (CHROME | HIDDEN)) !== 0;
      if (name === 'body' && body === undefined) body = { element, text: 0, container: true, densestChild: undefined };
      if (!chrome && (name === 'article' || (kinds & CONTENT) !== 0)) {
        containerIndex = containers.length;
        containers.push(element);
        containerTexts.push(0);
      }
      if (((name === 'h1' || name === 'h2' || name === 'h3') && !chrome) || (kinds & TITLE) !== 0) titles.push(element);
      // Links and chrome are not the article's text.
      if (chrome || name === 'a') level = 0;
      // What isChrome says, from the kinds already known (a skipped tag is not walked).
      if ((kinds & (CHROME | HIDDEN)) === 0) level |= RANKED;
      if (kinds & CONTAINER_TAG) level |= CONTAINER;
    }
    depth++;
    path[depth] = node;
    nextChild[depth] = 0;
    texts[depth] = 0;
    levels[depth] = level;
    densestChildren[depth] = undefined;
    containerIndexes[depth] = containerIndex;
  }

  let article: Element | undefined;
  let articleText = 0;
  containers.forEach((container, index) => {
    const text = containerTexts[index] as number;
    if (!article || text > articleText) {
      article = container;
      articleText = text;
    }
  });
  const guessed = article === undefined;
  if (!article) article = densest(body);

  const start = article?.sourceCodeLocation?.startOffset ?? Number.MAX_SAFE_INTEGER;
  const end = article?.sourceCodeLocation?.endOffset ?? -1;
  let title: Element | undefined;
  for (const candidate of titles) {
    const location = candidate.sourceCodeLocation;
    if (!location || location.endOffset > start) continue;
    const text = textOf(candidate, MAX_TITLE + 1);
    if (text.length >= 6 && text.length <= MAX_TITLE && REPORT_TITLE.test(text)) title = candidate;
  }
  const articleStart = article ? textOf(article, MAX_TITLE * 2) : '';
  if (title && articleStart.startsWith(textOf(title, MAX_TITLE))) title = undefined;
  let publishedOn = metaDate;
  if (publishedOn === undefined) {
    // The page's date box is outside the article; a date inside it is the report's own.
    for (const line of dateLines) if (line.at < start || line.at > end) publishedOn ??= line.date;
  }
  const heading = articleTitle ?? pageTitle;
  return {
    article,
    guessed,
    ...(title ? { title } : {}),
    ...(heading !== undefined && heading !== '' ? { pageTitle: heading } : {}),
    ...(publishedOn !== undefined ? { publishedOn } : {}),
  };
}

// How much of an element's text a child must hold to be taken as the article instead of it.
const DENSE_SHARE = 0.75;

/** The densest block: from `<body>`, down into the container holding most of the text while one holds most of it. */
function densest(body: RankedBlock | undefined): Element | undefined {
  let current = body;
  while (current) {
    const best = current.densestChild;
    if (!best || !best.container || best.text < DENSE_SHARE * current.text) break;
    current = best;
  }
  return current?.element;
}

/** The part of a page title that names the report ("…年度报告_政府信息公开年报_某市人民政府" → "…年度报告"), if one does. */
export function reportTitleOf(pageTitle: string): string | undefined {
  // Split at the separators, then trimmed: `/\s*[_|｜]\s*|\s+[-–—]\s+/` retries a long run of blanks from each of its starts.
  return pageTitle
    .split(/[_|｜]/)
    .flatMap((part) => part.split(/\s[-–—]\s/))
    .map((part) => part.trim())
    .find((part) => part.length >= 6 && REPORT_TITLE.test(part));
}
