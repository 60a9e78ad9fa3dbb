/**
 * What the reader makes of each element of a page — a skipped tag, a block, a heading, a
 * container the densest block may be; chrome, a CMS container or a title by its class and id
 * words; hidden — as bits, found once, when the parser creates the element (its attributes are
 * then at hand), and kept on it (see {@link parseLocated}). The walks that find the article and
 * write it then test bits instead of reading every attribute again; an element the reader's own
 * parser did not make (parse5's, when the reader's parser cannot be used) is classified when asked.
 *
 * @packageDocumentation
 */
import type { DefaultTreeAdapterTypes, Token } from 'parse5';

/** An element of the parsed page. */
export type Element = DefaultTreeAdapterTypes.Element;
/** A node of the parsed page. */
export type Node = DefaultTreeAdapterTypes.Node;
/** A text node of the parsed page. */
export type TextNode = DefaultTreeAdapterTypes.TextNode;

/** An element as the reader's parser makes it: with its {@link ElementKinds}. */
export interface ClassifiedElement extends Element {
  kinds: number;
}

/** A text node as the reader's parser makes it: with its count of visible characters. */
export interface CountedTextNode extends TextNode {
  visible: number;
}

/** Elements whose content is never the report's text. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
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

/** Elements that start a line of their own. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Headings: their text starts a heading block. */
export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * What the densest block may be: a container of blocks (old sites lay pages out in tables), never
 * one paragraph.
 */
export const CONTAINER_TAGS: ReadonlySet<string> = new Set(['body', 'div', 'section', 'article', 'main', 'center', 'table', 'tbody', 'tr', 'td']);

/** The bits of what an element is (see the module's comment). */
export const ElementKinds = {
  /** It has class or id words. */
  HAS_WORDS: 1,
  /** A class or id word of page chrome (navigation, footer, breadcrumb…). */
  CHROME: 2,
  /** A class or id word of a CMS's article container. */
  CONTENT: 4,
  /** A class or id word of a title. */
  TITLE: 8,
  /** Hidden from readers: `hidden`, `display:none`. */
  HIDDEN: 16,
  /** One of {@link SKIPPED_TAGS}. */
  SKIPPED_TAG: 32,
  /** One of {@link BLOCK_TAGS}. */
  BLOCK_TAG: 64,
  /** One of {@link HEADING_TAGS}. */
  HEADING_TAG: 128,
  /** One of {@link CONTAINER_TAGS}. */
  CONTAINER_TAG: 256,
  /** It has a `colspan` or a `rowspan` attribute. */
  SPANNED: 512,
} as const;
const { HAS_WORDS, CHROME, CONTENT, TITLE, HIDDEN, SKIPPED_TAG, BLOCK_TAG, HEADING_TAG, CONTAINER_TAG, SPANNED } = ElementKinds;

const TAG_KINDS = new Map<string, number>();
const addTagKind = (tags: ReadonlySet<string>, kind: number): void => {
  for (const tag of tags) TAG_KINDS.set(tag, (TAG_KINDS.get(tag) ?? 0) | kind);
};
addTagKind(SKIPPED_TAGS, SKIPPED_TAG);
addTagKind(BLOCK_TAGS, BLOCK_TAG);
addTagKind(HEADING_TAGS, HEADING_TAG);
addTagKind(CONTAINER_TAGS, CONTAINER_TAG);

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

const TITLE_WORD = /title|biaoti|^bt$|^tit/i;

/** The kinds of a list of class or id words: chrome, a CMS container, a title. */
function kindsOfWords(words: readonly string[]): number {
  let kinds = words.length > 0 ? HAS_WORDS : 0;
  for (const word of words) {
    if (CHROME_WORD.test(word)) kinds |= CHROME;
    if (CONTENT_WORDS.has(word.toLowerCase())) kinds |= CONTENT;
    if (TITLE_WORD.test(word)) kinds |= TITLE;
  }
  return kinds;
}

// The kinds of the class and id values met, across pages: a page repeats its class attributes
// (Word's `MsoNormal` on every paragraph), and a site repeats them from page to page. Bounded: a
// page of endless distinct classes empties it rather than growing it.
const MAX_KNOWN_WORDS = 4096;
const classKinds = new Map<string, number>();
const idKinds = new Map<string, number>();

function knownKinds(known: Map<string, number>, value: string, words: (value: string) => string[]): number {
  let kinds = known.get(value);
  if (kinds === undefined) {
    kinds = kindsOfWords(words(value));
    if (known.size >= MAX_KNOWN_WORDS) known.clear();
    known.set(value, kinds);
  }
  return kinds;
}

const classWords = (value: string): string[] => value.split(/\s+/).filter((word) => word !== '');
const idWords = (value: string): string[] => [value.trim()];

// In any case, as CSS reads its property names and keywords ("DISPLAY:NONE" hides too). Word writes
// a style on almost every element, and half of them say "none" of a border: the pattern alone, run on
// every style, costs a third of what a test for "none" first then the pattern did (010.html, 624 styles).
const DISPLAY_NONE = /display\s*:\s*none/i;
const hidesByStyle = (style: string): boolean => DISPLAY_NONE.test(style);

/** The kinds of an element of the given tag with the given attributes (see {@link ElementKinds}). */
export function classify(tagName: string, attrs: readonly Token.Attribute[]): number {
  let kinds = TAG_KINDS.get(tagName) ?? 0;
  for (const attr of attrs) {
    const name = attr.name;
    if (name === 'class') {
      kinds |= knownKinds(classKinds, attr.value, classWords);
    } else if (name === 'id') {
      if (attr.value !== '') kinds |= knownKinds(idKinds, attr.value, idWords);
    } else if (name === 'hidden' || (name === 'style' && hidesByStyle(attr.value))) {
      kinds |= HIDDEN;
    } else if (name === 'colspan' || name === 'rowspan') {
      kinds |= SPANNED;
    }
  }
  return kinds;
}

/** The kinds of an element: those its parser kept, or found now. */
export const kindsOf = (element: Element): number => (element as Partial<ClassifiedElement>).kinds ?? classify(element.tagName, element.attrs);

/** Whether an element is hidden from readers (`hidden`, `display:none`). */
export const isHidden = (element: Element): boolean => (kindsOf(element) & HIDDEN) !== 0;

/** Whether an element never holds the report: a skipped tag, hidden, or chrome by its class or id. */
export const isChrome = (element: Element): boolean => (kindsOf(element) & (SKIPPED_TAG | HIDDEN | CHROME)) !== 0;

/** Visible characters of a text (not counting whitespace). */
export function visibleLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x20 && code !== 0xa0 && code !== 0x3000) count++;
  }
  return count;
}

/** The visible characters of a text node: those its parser counted, or counted now. */
export const visibleLengthOf = (node: TextNode): number => (node as Partial<CountedTextNode>).visible ?? visibleLength(node.value);
