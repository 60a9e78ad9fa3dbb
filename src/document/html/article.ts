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

/** What a survey gathers of a page before it concludes (see {@link concludeSurvey}). */
interface SurveyFacts {
  /** The CMS containers, in document order, and the visible text under each. */
  readonly containers: Element[];
  readonly containerTexts: number[];
  /** The title candidates, in document order. */
  readonly titles: Element[];
  pageTitle?: string;
  articleTitle?: string;
  metaDate?: string | undefined;
  /** Publication dates written in text ("时间：2022-02-08 16:34"), with where they are. */
  readonly dateLines: { at: number; date: string }[];
}

/** Reads the head's `<title>` and `<meta>` (nothing in the head is text). */
function readHead(head: Element, facts: SurveyFacts): void {
  for (const child of head.childNodes) {
    if (child.nodeName === 'title') facts.pageTitle ??= textOf(child, MAX_TITLE * 2);
    if (child.nodeName !== 'meta' || !('tagName' in child)) continue;
    const metaName = (attribute(child, 'name') ?? '').toLowerCase();
    const content = attribute(child, 'content');
    if (content === undefined) continue;
    if (metaName === 'articletitle') facts.articleTitle ??= content.trim();
    if (metaName === 'pubdate' || metaName === 'publishdate' || metaName === 'firstpublishedtime') facts.metaDate ??= isoDate(DATE_VALUE.exec(content));
  }
}

/** Adds the publication date a text node states, if it states one. */
function addDateLine(node: TextNode, dateLines: SurveyFacts['dateLines']): void {
  const value = node.value;
  if (value.length <= 200 && DATE_WORD.test(value)) {
    const date = isoDate(DATE_LINE.exec(value));
    if (date) dateLines.push({ at: node.sourceCodeLocation?.startOffset ?? 0, date });
  }
}

/**
 * The survey's findings from what it gathered: the article (the CMS container holding the most
 * text, else the densest block, `densestBlock`), the report's title heading it, the page title and
 * the publication date.
 */
function concludeSurvey(facts: SurveyFacts, densestBlock: () => Element | undefined): PageSurvey {
  const { containers, containerTexts, titles, pageTitle, articleTitle, metaDate, dateLines } = facts;
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
  if (!article) article = densestBlock();

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
  const facts: SurveyFacts = { containers: [], containerTexts: [], titles: [], dateLines: [] };
  const { containers, containerTexts, titles } = facts;

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
      if (facts.metaDate === undefined) addDateLine(node as TextNode, facts.dateLines);
      continue;
    }
    if (!('childNodes' in node)) continue;
    let level = (levels[depth] as number) & CHILDREN_COUNTED;
    let containerIndex = -1;
    if ('tagName' in node) {
      const element = node as Element;
      const name = element.nodeName;
      if (name === 'head') {
        readHead(element, facts);
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

  return concludeSurvey(facts, () => densest(body, (block) => block.densestChild));
}

/**
 * A node the survey tallies as the page is parsed: an element (see {@link SurveyTally}), or the
 * document or a template's content.
 */
export interface TalliedNode {
  /** What the survey's walk would know of the node (the `TALLY_*` bits). */
  surveyBits: number;
  /** The visible text counted under the node so far (all of it once the node is closed). */
  surveyText: number;
}

/** The node's children are walked (it is the document, or an element neither skipped nor the head). */
const TALLY_WALKED = 1;
/** The node's children's text is counted (no link and no chrome is above them). */
const TALLY_COUNTED = 2;
/** The element may be the densest block (it is walked, and neither chrome nor hidden). */
const TALLY_RANKED = 4;
/** The element's text is final: it was closed. */
const TALLY_CLOSED = 8;
/** The bits of the document: walked, its text counted. */
export const TALLY_ROOT = TALLY_WALKED | TALLY_COUNTED;

/**
 * The survey gathered while the parser builds the tree, rather than by a walk after it: each element
 * is surveyed as it is attached (its parent's bits are then at hand), each text as it is inserted,
 * and an element's text is added to its parent's when the parser closes it — so that no node of
 * the page is visited again, most of them long out of the processor's caches by the end of the
 * parse. It finds what {@link surveyPage} finds, in the same order, as long as every node stays
 * where the parser first put it: a node the parser moves (the adoption agency, a repeated `<body>`
 * tag's attributes) or fosters out of a table, which no corpus page has, leaves the survey to the walk.
 */
export class SurveyTally {
  private disturbed = false;
  private readonly facts: SurveyFacts = { containers: [], containerTexts: [], titles: [], dateLines: [] };
  private readonly heads: Element[] = [];
  private readonly texts: TextNode[] = [];
  private body: (Element & TalliedNode) | undefined;
  // The elements the parser holds open, to close those it leaves open at the end.
  private readonly open: (Element & TalliedNode)[] = [];

  /** A node was moved or fostered: the walk surveys the page instead. */
  disturb(): void {
    this.disturbed = true;
  }

  /** An element was attached to `parent` (last of its children). */
  attached(element: Element & TalliedNode, parent: TalliedNode): void {
    const parentBits = parent.surveyBits;
    if (!(parentBits & TALLY_WALKED)) return;
    const name = element.nodeName;
    if (name === 'head') {
      this.heads.push(element);
      return;
    }
    const kinds = kindsOf(element);
    if (kinds & SKIPPED_TAG) return;
    // What the walk of surveyPage does on entering the element.
    const chrome = (kinds & HAS_WORDS) !== 0 && (kinds & (CHROME | HIDDEN)) !== 0;
    if (name === 'body' && this.body === undefined) this.body = element;
    if (!chrome && (name === 'article' || (kinds & CONTENT) !== 0)) this.facts.containers.push(element);
    if (((name === 'h1' || name === 'h2' || name === 'h3') && !chrome) || (kinds & TITLE) !== 0) this.facts.titles.push(element);
    let bits = TALLY_WALKED;
    if (parentBits & TALLY_COUNTED && !chrome && name !== 'a') bits |= TALLY_COUNTED;
    if ((kinds & (CHROME | HIDDEN)) === 0) bits |= TALLY_RANKED;
    element.surveyBits = bits;
  }

  /** Characters with `visible` visible ones were inserted into `parent`, in `node` (a new text node when `created`). */
  inserted(parent: TalliedNode, node: TextNode, created: boolean, visible: number): void {
    const bits = parent.surveyBits;
    if (bits & TALLY_COUNTED) parent.surveyText += visible;
    if (created && bits & TALLY_WALKED) this.texts.push(node);
  }

  /** The parser opened an element. */
  opened(element: Element & TalliedNode): void {
    this.open.push(element);
  }

  /** The parser closed an element: its text is final, and is added to its parent's. */
  closed(element: Element & TalliedNode): void {
    const open = this.open;
    if (open[open.length - 1] === element) open.pop();
    else {
      const index = open.lastIndexOf(element);
      if (index >= 0) open.splice(index, 1);
      // Closed below elements still open (a </form> that is not the current node's): text still to
      // come in those would not reach it, unless none of it counts.
      if (element.surveyBits & TALLY_COUNTED) this.disturbed = true;
    }
    if (element.surveyBits & TALLY_CLOSED) {
      // Closed twice (the head, reopened for a late <meta>): its text was already added.
      if (element.surveyText > 0) this.disturbed = true;
      return;
    }
    element.surveyBits |= TALLY_CLOSED;
    const parent = element.parentNode as (Element & TalliedNode) | null;
    if (parent) parent.surveyText += element.surveyText;
  }

  /**
   * What {@link surveyPage} finds of the parsed page, from the tally; `undefined` when a node was
   * moved or fostered (the page is then surveyed by its walk).
   */
  survey(): PageSurvey | undefined {
    if (this.disturbed) return undefined;
    // The elements still open when the page ends close now, innermost first.
    for (let index = this.open.length - 1; index >= 0; index--) this.closed(this.open[index] as Element & TalliedNode);
    if (this.disturbed) return undefined;
    const facts = this.facts;
    for (const head of this.heads) readHead(head, facts);
    for (const container of facts.containers) facts.containerTexts.push((container as Element & TalliedNode).surveyText);
    if (facts.metaDate === undefined) for (const node of this.texts) addDateLine(node, facts.dateLines);
    const blockOf = (element: Element & TalliedNode): RankedBlock => ({
      element,
      text: element.surveyText,
      container: (kindsOf(element) & CONTAINER_TAG) !== 0,
      densestChild: undefined,
    });
    // The first child that may be the densest block holding the most text, as the walk ranks them.
    const densestChildOf = (block: RankedBlock): RankedBlock | undefined => {
      let best: (Element & TalliedNode) | undefined;
      for (const child of block.element.childNodes) {
        if (!('tagName' in child)) continue;
        const tallied = child as Element & TalliedNode;
        if (tallied.surveyBits & TALLY_RANKED && (best === undefined || tallied.surveyText > best.surveyText)) best = tallied;
      }
      return best && blockOf(best);
    };
    const body = this.body;
    return concludeSurvey(facts, () => densest(body && blockOf(body), densestChildOf));
  }
}

// How much of an element's text a child must hold to be taken as the article instead of it.
const DENSE_SHARE = 0.75;

/**
 * The densest block: from `<body>`, down into the container holding most of the text while one
 * holds most of it (`densestChildOf` gives a block's densest child).
 */
function densest(body: RankedBlock | undefined, densestChildOf: (block: RankedBlock) => RankedBlock | undefined): Element | undefined {
  let current = body;
  while (current) {
    const best = densestChildOf(current);
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
