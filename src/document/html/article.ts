/**
 * Finding the article in a published page: the element that holds the report, without the site's
 * navigation, headers, footers, breadcrumbs, metadata boxes, forms and scripts around it — the
 * common CMS containers first (TRS, 开普云, 新点, 大汉, 博达 …), the densest block of text otherwise.
 * Also the page's own title and publication date, which sit outside the article.
 *
 * @packageDocumentation
 */
import type { DefaultTreeAdapterTypes } from 'parse5';

/** An element of the parsed page. */
export type Element = DefaultTreeAdapterTypes.Element;
/** A node of the parsed page. */
export type Node = DefaultTreeAdapterTypes.Node;
/** A text node of the parsed page. */
export type TextNode = DefaultTreeAdapterTypes.TextNode;

/** Elements whose content is never the report's text. */
export const SKIPPED_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'map',
  'dialog',
]);

// Class and id words of the containers CMSs put the article in: TRS (TRS_Editor, TRS_UEDITOR, #zoom,
// Custom_UnionStyle), 开普云 (UCAP-CONTENT), 新点 (ewb-article-info), 博达 (vsb_content), 大汉 (bt_content)
// and the common generic ones.
const CONTENT_WORDS = new Set(
  [
    'TRS_Editor',
    'TRS_UEDITOR',
    'trs_editor_view',
    'Custom_UnionStyle',
    'zoom',
    'UCAP-CONTENT',
    'ucapcontent',
    'ewb-article-info',
    'ewb-info-con',
    'ewb-article-con',
    'article_content',
    'article-content',
    'articleContent',
    'article_con',
    'article-con',
    'content_text',
    'content-text',
    'pages_content',
    'xxgk_content',
    'news_content',
    'news-content',
    'detail_content',
    'detail-content',
    'details-content',
    'wzcon',
    'zwnr',
    'vsb_content',
    'v_news_content',
    'js_content',
    'bt_content',
    'con_text',
    'mainText',
  ].map((word) => word.toLowerCase()),
);

// Class and id words of page chrome: navigation, headers and footers, breadcrumbs and "current
// position" bars, share and print tools, search and login boxes, related links, metadata boxes.
const CHROME_WORD =
  /^(?:nav|menu|breadcrumb|crumb|bread|footer|foot|header|banner|copyright|share|login|logined|registered|search|sidebar|toolbar|qrcode|ewm|weather|tianqi|xglj|friend|links_con|pagination|pager|fenxiang|dqwz|position|location|wza|wzjd|article_extend|article_source|article_time|function_icon|xxgk_table|xxgk-table|suoyin|syh|meta)|(?:nav|navbar|menu|footer|header|breadcrumb|crumbs?|share|search|sidebar|copyright|toolbar)$/i;

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

/** The class and id words of an element. */
function wordsOf(element: Element): string[] {
  const words: string[] = [];
  const classes = attribute(element, 'class');
  if (classes) for (const word of classes.split(/\s+/)) if (word) words.push(word);
  const id = attribute(element, 'id');
  if (id) words.push(id.trim());
  return words;
}

// What an element's class and id words make it, as bits (see kindsOf).
const HAS_WORDS = 1;
const CHROME_KIND = 2;
const CONTENT_KIND = 4;
const TITLE_KIND = 8;
const HIDDEN_KIND = 16;

/** The kinds of a list of class or id words: chrome, a CMS container, a title. */
function kindsOfWords(words: readonly string[]): number {
  let kinds = words.length > 0 ? HAS_WORDS : 0;
  for (const word of words) {
    if (CHROME_WORD.test(word)) kinds |= CHROME_KIND;
    if (CONTENT_WORDS.has(word.toLowerCase())) kinds |= CONTENT_KIND;
    if (TITLE_WORD.test(word)) kinds |= TITLE_KIND;
  }
  return kinds;
}

/**
 * The kinds of an element by its class and id words, and whether it is hidden, from one pass over
 * its attributes; a page repeats its class attributes (Word's `MsoNormal` on every paragraph), so
 * each distinct one is classified once, in `classes`.
 */
function kindsOf(element: Element, classes: Map<string, number>): number {
  let kinds = 0;
  for (const attr of element.attrs) {
    const name = attr.name;
    if (name === 'class') {
      let known = classes.get(attr.value);
      if (known === undefined) {
        known = kindsOfWords(attr.value.split(/\s+/).filter((word) => word !== ''));
        classes.set(attr.value, known);
      }
      kinds |= known;
    } else if (name === 'id') {
      if (attr.value !== '') kinds |= kindsOfWords([attr.value.trim()]);
    } else if (name === 'hidden' || (name === 'style' && hidesByStyle(attr.value))) {
      kinds |= HIDDEN_KIND;
    }
  }
  return kinds;
}

/** Whether an element is hidden from readers (`hidden`, `display:none`). */
export function isHidden(element: Element): boolean {
  for (const attr of element.attrs) {
    if (attr.name === 'hidden') return true;
    if (attr.name === 'style' && hidesByStyle(attr.value)) return true;
  }
  return false;
}

// Word writes a style on every element: the pattern runs only on the few that say "none".
const hidesByStyle = (style: string): boolean => style.includes('none') && /display\s*:\s*none/i.test(style);

/** Whether an element never holds the report: a skipped tag, hidden, or chrome by its class or id. */
export function isChrome(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.nodeName) || isHidden(element)) return true;
  return wordsOf(element).some((word) => CHROME_WORD.test(word));
}

/** Visible characters of a text (not counting whitespace). */
function visibleLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x20 && code !== 0xa0 && code !== 0x3000) count++;
  }
  return count;
}

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

const TITLE_WORD = /title|biaoti|^bt$|^tit/i;
const REPORT_TITLE = /报告|年报|報告|年報/;
const DATE_LINE = /(?:发布日期|发布时间|發佈日期|發布日期|发文日期|成文日期|日期|时间|時間)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const DATE_WORD = /日期|时间|時間/;
const COUNTED = 1;
const LEAVING = 2;
// The node's parent is a container the densest block may be (its children's text is compared).
const IN_CONTAINER = 4;
// The element's text is kept for later: it may be compared (a CMS container, `<body>`, a container's child).
const KEPT = 8;
const DATE_VALUE = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const MAX_TITLE = 100;

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
 * Surveys a parsed page: finds the article (a CMS container, else the densest block of text outside
 * chrome), the report's title heading the article, the page title and the publication date.
 * Iterative and linear in the size of the page, whatever its depth.
 */
export function surveyPage(document: Node): PageSurvey {
  // One pass in document order: the visible text under each element (links and chrome left out),
  // the CMS containers, the title candidates and the metadata.
  let body: Element | undefined;
  const ownText = new Map<Element, number>();
  const containers: Element[] = [];
  const titles: Element[] = [];
  let pageTitle: string | undefined;
  let articleTitle: string | undefined;
  let metaDate: string | undefined;
  // Publication dates written in text ("时间：2022-02-08 16:34"), with where they are.
  const dateLines: { at: number; date: string }[] = [];

  // The walk's stack: a node, and whether its text counts (1), or that its element is left (2), with
  // the bits saying which elements' text is kept (only those that {@link densest} or the
  // containers compare: one entry per element would cost more than the rest of the walk).
  const nodes: Node[] = [document];
  const flags: number[] = [COUNTED];
  // For each element entered and not yet left, the visible text counted under it so far.
  const counts: number[] = [];
  const classes = new Map<string, number>();
  while (nodes.length > 0) {
    const node = nodes.pop() as Node;
    const flag = flags.pop() as number;
    if (flag & LEAVING) {
      const count = counts.pop() as number;
      if (flag & KEPT && count > 0) ownText.set(node as Element, count);
      if (counts.length > 0 && flag & COUNTED) counts[counts.length - 1] = (counts[counts.length - 1] as number) + count;
      continue;
    }
    if (node.nodeName === '#text') {
      const value = (node as TextNode).value;
      if (counts.length > 0 && flag & COUNTED) counts[counts.length - 1] = (counts[counts.length - 1] as number) + visibleLength(value);
      // A date in the text is looked for only when the head's metadata gave none (the head is walked first).
      if (metaDate === undefined && value.length <= 200 && DATE_WORD.test(value)) {
        const date = isoDate(DATE_LINE.exec(value));
        if (date) dateLines.push({ at: (node as TextNode).sourceCodeLocation?.startOffset ?? 0, date });
      }
      continue;
    }
    if (!('tagName' in node)) {
      const children = childrenOf(node);
      for (let index = children.length - 1; index >= 0; index--) {
        nodes.push(children[index] as Node);
        flags.push(flag);
      }
      continue;
    }
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
    if (SKIPPED_TAGS.has(name)) continue;
    if (name === 'body') body ??= element;
    const kinds = element.attrs.length > 0 ? kindsOf(element, classes) : 0;
    const chrome = (kinds & HAS_WORDS) !== 0 && (kinds & (CHROME_KIND | HIDDEN_KIND)) !== 0;
    const container = !chrome && (name === 'article' || (kinds & CONTENT_KIND) !== 0);
    if (container) containers.push(element);
    if (((name === 'h1' || name === 'h2' || name === 'h3') && !chrome) || (kinds & TITLE_KIND) !== 0) titles.push(element);
    // Links and chrome are not the article's text.
    const counted = flag & COUNTED && !chrome && name !== 'a' ? COUNTED : 0;
    nodes.push(element);
    flags.push(LEAVING | (flag & COUNTED) | (container || flag & IN_CONTAINER || name === 'body' ? KEPT : 0));
    counts.push(0);
    const childFlag = counted | (CONTAINER_TAGS.has(name) ? IN_CONTAINER : 0);
    const children = element.childNodes;
    for (let index = children.length - 1; index >= 0; index--) {
      nodes.push(children[index] as Node);
      flags.push(childFlag);
    }
  }

  const textIn = (element: Element): number => ownText.get(element) ?? 0;
  let article: Element | undefined;
  for (const container of containers) if (!article || textIn(container) > textIn(article)) article = container;
  const guessed = article === undefined;
  if (!article) article = densest(body, textIn);

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
// What the densest block may be: a container of blocks (old sites lay pages out in tables), never
// one paragraph.
const CONTAINER_TAGS = new Set(['body', 'div', 'section', 'article', 'main', 'center', 'table', 'tbody', 'tr', 'td']);

/** The densest block: from `<body>`, down into the container holding most of the text while one holds most of it. */
function densest(body: Element | undefined, textIn: (element: Element) => number): Element | undefined {
  let current = body;
  while (current) {
    let best: Element | undefined;
    for (const child of current.childNodes) {
      if (!('tagName' in child) || isChrome(child)) continue;
      if (!best || textIn(child) > textIn(best)) best = child;
    }
    if (!best || !CONTAINER_TAGS.has(best.nodeName) || textIn(best) < DENSE_SHARE * textIn(current)) break;
    current = best;
  }
  return current;
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
