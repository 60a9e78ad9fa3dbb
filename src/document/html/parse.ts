/**
 * parse5's tree with source locations, at the cost of a parse without them.
 *
 * With `sourceCodeLocationInfo`, parse5 doubles the cost of a parse: it records a location for
 * every attribute, and for every element copies its start tag's location, then its end tag's, and
 * spreads both into a new object each time a location is updated. The reader needs none of that:
 * only where each element and text node starts and ends in the source. This parser lets the
 * tokenizer track locations (a token carries one) but keeps the tree builder's location bookkeeping
 * off, and sets each node's location itself, with one object per node, exactly as parse5 would
 * (the same offsets, lines and columns; `endTag` set when an element is closed by its own end tag).
 * Attributes get no location.
 *
 * Each element is also classified as it is created, and each text node counts its visible
 * characters as they are inserted (see {@link classify}): the attributes and the characters are at
 * hand then, and the walks after the parse need not read them all again. The page's survey (where
 * the article is) is tallied as the tree is built, through the tree adapter (see {@link SurveyTally}).
 *
 * It extends parse5's `Parser` (exported, marked internal) through the methods parse5 itself uses
 * for locations: the tests compare every node's location with parse5's own on the corpus pages, and
 * a parse5 without those methods is used in its own location mode instead (see {@link CAN_LOCATE}).
 *
 * @packageDocumentation
 */
import { defaultTreeAdapter, html, InsertionMode, parse, Parser, Token, Tokenizer } from 'parse5';
import type { DefaultTreeAdapterMap, DefaultTreeAdapterTypes, TreeAdapter } from 'parse5';
import { SurveyTally, TALLY_ROOT } from './article.js';
import type { TalliedNode } from './article.js';
import { classify, visibleLength } from './classify.js';
import type { ClassifiedElement, CountedTextNode } from './classify.js';

type Location = Token.Location;
type ElementLocation = Token.ElementLocation;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** A tokenizer that tracks the locations of tokens but not of attributes. */
class TokenLocatingTokenizer extends Tokenizer {
  protected override _createAttr(attrNameFirstCh: string): void {
    // The attribute's location would be stored on its token for the tree builder to copy: it is not
    // read, so it is not made — the tokenizer makes none while its option is off, and then leaves
    // the attribute's location null (the field is the tokenizer's own, private in its types).
    const options = this.options as { sourceCodeLocationInfo?: boolean };
    options.sourceCodeLocationInfo = false;
    super._createAttr(attrNameFirstCh);
    options.sourceCodeLocationInfo = true;
    (this as unknown as { currentAttrLocation: Location | null }).currentAttrLocation = null;
  }
}

const copyOf = (location: Location): ElementLocation => ({
  startLine: location.startLine,
  startCol: location.startCol,
  startOffset: location.startOffset,
  endLine: location.endLine,
  endCol: location.endCol,
  endOffset: location.endOffset,
});

/**
 * parse5's tree, its elements made with all their fields at once (their location, set later, their
 * kinds and what the survey tallies of them) and classified again when a repeated `<html>` or
 * `<body>` tag adds attributes; the page surveyed as the tree is built (see {@link SurveyTally}).
 */
function tallyingTreeAdapter(tally: SurveyTally): TreeAdapter<DefaultTreeAdapterMap> {
  return {
    ...defaultTreeAdapter,
    createDocument() {
      return Object.assign(defaultTreeAdapter.createDocument(), { surveyBits: TALLY_ROOT, surveyText: 0 });
    },
    createDocumentFragment() {
      return Object.assign(defaultTreeAdapter.createDocumentFragment(), { surveyBits: 0, surveyText: 0 });
    },
    createElement(tagName, namespaceURI, attrs): ClassifiedElement & TalliedNode {
      return { nodeName: tagName, tagName, attrs, namespaceURI, childNodes: [], parentNode: null, sourceCodeLocation: null, kinds: classify(tagName, attrs), surveyBits: 0, surveyText: 0 };
    },
    adoptAttributes(recipient, attrs): void {
      defaultTreeAdapter.adoptAttributes(recipient, attrs);
      const element = recipient as ClassifiedElement;
      const kinds = classify(element.tagName, element.attrs);
      if (kinds !== element.kinds) tally.disturb();
      element.kinds = kinds;
    },
    appendChild(parentNode, newNode): void {
      defaultTreeAdapter.appendChild(parentNode, newNode);
      if (newNode.nodeName !== '#comment') tally.attached(newNode as Element & TalliedNode, parentNode as unknown as TalliedNode);
    },
    insertBefore(parentNode, newNode, referenceNode): void {
      tally.disturb();
      defaultTreeAdapter.insertBefore(parentNode, newNode, referenceNode);
    },
    insertTextBefore(parentNode, text, referenceNode): void {
      tally.disturb();
      defaultTreeAdapter.insertTextBefore(parentNode, text, referenceNode);
    },
    detachNode(node): void {
      if (node.parentNode) tally.disturb();
      defaultTreeAdapter.detachNode(node);
    },
    onItemPush(item): void {
      tally.opened(item as Element & TalliedNode);
    },
    onItemPop(item): void {
      tally.closed(item as Element & TalliedNode);
    },
  };
}

/** The tree builder, with one location object per node set by hand (see the module's comment). */
class LocatingParser extends Parser<DefaultTreeAdapterMap> {
  constructor(readonly tally: SurveyTally) {
    super({ treeAdapter: tallyingTreeAdapter(tally), sourceCodeLocationInfo: false });
    this.tokenizer = new TokenLocatingTokenizer({ sourceCodeLocationInfo: true }, this);
  }

  override _attachElementToTree(element: Element, location: Token.LocationWithAttributes | null, insertionLocation: Parameters<Parser<DefaultTreeAdapterMap>['_attachElementToTree']>[2]): void {
    super._attachElementToTree(element, location, insertionLocation);
    // A copy: a formatting element the parser reopens (`<b>` across a `</p>`) reuses its start tag's token.
    element.sourceCodeLocation = location ? copyOf(location) : null;
  }

  override _setEndLocation(element: Element, closingToken: Token.Token): void {
    const own = element.sourceCodeLocation;
    const closing = closingToken.location;
    if (!own || !closing) return;
    if (closingToken.type === Token.TokenType.END_TAG && closingToken.tagName === element.tagName) {
      own.endTag = closing;
      own.endLine = closing.endLine;
      own.endCol = closing.endCol;
      own.endOffset = closing.endOffset;
    } else {
      // Closed by another tag (`<p>` by the next `<p>`, `<td>` by `</tr>`): it ends where that tag starts.
      own.endLine = closing.startLine;
      own.endCol = closing.startCol;
      own.endOffset = closing.startOffset;
    }
  }

  override onItemPop(node: ParentNode, isTop: boolean): void {
    if (this.currentToken && 'tagName' in node) this._setEndLocation(node, this.currentToken);
    super.onItemPop(node, isTop);
  }

  override onEndTag(token: Token.TagToken): void {
    const before = this.insertionMode;
    super.onEndTag(token);
    // `<body>` and `<html>` stay on the stack of open elements: parse5 ends them at their end tags.
    const stack = this.openElements;
    if (token.tagID === html.TAG_ID.BODY && before !== InsertionMode.AFTER_BODY && this.insertionMode === InsertionMode.AFTER_BODY) {
      const body = stack.tryPeekProperlyNestedBodyElement();
      if (body) this._setEndLocation(body, token);
    } else if (token.tagID === html.TAG_ID.HTML && before !== InsertionMode.AFTER_AFTER_BODY && this.insertionMode === InsertionMode.AFTER_AFTER_BODY && stack.tagIDs[0] === html.TAG_ID.HTML) {
      this._setEndLocation(stack.items[0] as Element, token);
      const body = stack.items[1] as Element | undefined;
      if (body && !body.sourceCodeLocation?.endTag) this._setEndLocation(body, token);
    }
  }

  override _insertCharacters(token: Token.CharacterToken): void {
    let parent: ParentNode;
    let beforeElement: DefaultTreeAdapterTypes.ChildNode | null | undefined;
    if (this._shouldFosterParentOnInsertion()) {
      this.tally.disturb();
      ({ parent, beforeElement } = this._findFosterParentingLocation());
      if (beforeElement) this.treeAdapter.insertTextBefore(parent, token.chars, beforeElement);
      else this.treeAdapter.insertText(parent, token.chars);
    } else {
      parent = this.openElements.currentTmplContentOrNode;
      this.treeAdapter.insertText(parent, token.chars);
    }
    // The text node the characters went into: a new one, or one they were appended to.
    const siblings = parent.childNodes;
    const textNode = siblings[(beforeElement ? siblings.lastIndexOf(beforeElement) : siblings.length) - 1] as Partial<CountedTextNode> & DefaultTreeAdapterTypes.TextNode;
    const visible = visibleLength(token.chars);
    textNode.visible = (textNode.visible ?? 0) + visible;
    const own = textNode.sourceCodeLocation;
    this.tally.inserted(parent as unknown as TalliedNode, textNode, !own, visible);
    const location = token.location;
    if (!location) return;
    if (own) {
      own.endLine = location.endLine;
      own.endCol = location.endCol;
      own.endOffset = location.endOffset;
    } else {
      textNode.sourceCodeLocation = copyOf(location);
    }
  }
}

/**
 * Whether the parse5 at hand has the internal methods this parser extends (a later parse5 may rename
 * them: then the page is parsed with parse5's own locations rather than read with none).
 */
export const CAN_LOCATE =
  ['_attachElementToTree', '_setEndLocation', 'onItemPop', 'onEndTag', '_insertCharacters', '_shouldFosterParentOnInsertion', '_findFosterParentingLocation'].every(
    (name) => typeof (Parser.prototype as unknown as Record<string, unknown>)[name] === 'function',
  ) && typeof (Tokenizer.prototype as unknown as Record<string, unknown>)['_createAttr'] === 'function';

/**
 * Parses a page as parse5 does with `sourceCodeLocationInfo` (every element and text node located
 * in the source, attributes not), for about the cost of a parse without; with the page's survey
 * tallied as it is parsed (`undefined` when parse5's own parser had to be used).
 */
export function parseTallied(source: string): { document: DefaultTreeAdapterTypes.Document; tally: SurveyTally | undefined } {
  if (!CAN_LOCATE) return { document: parse(source, { sourceCodeLocationInfo: true }), tally: undefined };
  const parser = new LocatingParser(new SurveyTally());
  parser.tokenizer.write(source, true);
  return { document: parser.document, tally: parser.tally };
}

/**
 * Parses a page as parse5 does with `sourceCodeLocationInfo` (every element and text node located
 * in the source, attributes not), for about the cost of a parse without.
 */
export function parseLocated(source: string): DefaultTreeAdapterTypes.Document {
  return parseTallied(source).document;
}
