import { describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { classify, ElementKinds, visibleLength } from '../../src/document/html/classify.js';
import type { ClassifiedElement, CountedTextNode } from '../../src/document/html/classify.js';
import { CAN_LOCATE, parseLocated } from '../../src/document/html/parse.js';
import { fixtureText } from '../support/fixtures.js';
import { publishSeed } from '../support/html-pages.js';

type Node = DefaultTreeAdapterTypes.Node;

/** Every node of a tree in document order, as name, start/end offset, line and column, and whether its end tag closed it. */
function locations(document: Node): string[] {
  const lines: string[] = [];
  const stack: { node: Node; path: string }[] = [{ node: document, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: Node; path: string };
    const here = `${path}/${node.nodeName}`;
    const location = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
    if (node.nodeName !== '#comment' && node.nodeName !== '#documentType' && node.nodeName !== '#document') {
      const closed = location && 'endTag' in location && location.endTag ? ' closed' : '';
      const text = node.nodeName === '#text' ? ` ${JSON.stringify((node as DefaultTreeAdapterTypes.TextNode).value)}` : '';
      lines.push(
        location
          ? `${here} ${location.startOffset}-${location.endOffset} ${location.startLine}:${location.startCol}-${location.endLine}:${location.endCol}${closed}${text}`
          : `${here} unlocated${text}`,
      );
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index] as Node, path: here });
    if (node.nodeName === 'template') stack.push({ node: (node as DefaultTreeAdapterTypes.Template).content, path: here });
  }
  return lines;
}

const sameAsParse5 = (html: string): void => {
  expect(locations(parseLocated(html))).toEqual(locations(parse(html, { sourceCodeLocationInfo: true })));
};

describe('parseLocated', () => {
  it('finds the parse5 internals it extends (a parse5 that renamed them would be read with its own, slower locations)', () => {
    expect(CAN_LOCATE).toBe(true);
  });

  it.each(['004', '005', '006', '010', '043'])('locates every element and text node of corpus page %s.html as parse5 does', (id) => {
    sameAsParse5(fixtureText(`corpus/${id}.html`));
  });

  it('locates the nodes of a seed page with merged cells and chrome as parse5 does', () => {
    sameAsParse5(publishSeed('000').html);
  });

  it.each([
    ['formatting reopened across paragraphs', '<p><b>粗<p>体</b>续</p>'],
    ['text fostered out of a table', '<table>前<tr><td>1</td>后</tr></table>'],
    ['cells and rows closed by other tags', '<table><tr><td>1<td>2<tr><td>3</table>'],
    ['no </body>, only </html>', '<html><body><p>a</p></html>'],
    ['</body> then more text', '<body><p>a</p></body>尾</html>'],
    ['nothing closed', '<div><span>a<table><tr><td>b'],
    ['CRLF, lone CR and references', '<p>a\r\nb\rc&nbsp;&#20013;&amp&lt;</p>\r\n<p>d</p>'],
    ['a template and foreign content', '<template><td>x</td></template><svg><title>t</title></svg><math>m</math>'],
    ['adoption agency', '<a href="x"><div>1</a>2</div><b><i>3</b>4</i>'],
    ['head content after the body', '<title>t</title><body>a</body><meta charset="utf-8"><p>b'],
    ['attributes, duplicates and comments', '<p class="a" class="b" style="display:none" x=1 y>t<!-- c --></p>'],
  ])('locates %s as parse5 does', (_name, html) => {
    sameAsParse5(html);
  });

  it('gives no attribute a location (nothing reads them)', () => {
    const document = parseLocated('<p class="a" id="b">t</p>');
    const stack: Node[] = [document];
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      if (node.nodeName === 'p') expect((node as DefaultTreeAdapterTypes.Element).sourceCodeLocation?.attrs).toBeUndefined();
      if ('childNodes' in node) stack.push(...node.childNodes);
    }
  });

  it.each([
    ['corpus page 010.html', fixtureText('corpus/010.html')],
    ['a seed page', publishSeed('000').html],
    ['attributes added by a repeated <html> and <body>', '<html><body><p>a</p><body class="nav" hidden><html id="TRS_Editor"><p>b'],
    ['text merged, fostered and split by references', '<table>前&nbsp;<tr><td>1\u3000 2</td>后</tr></table><p>a&amp;b\r\nc</p>'],
  ])('keeps on each element of %s the kinds of its final attributes, and on each text node the count of its visible characters', (_name, html) => {
    const stack: Node[] = [parseLocated(html)];
    let elements = 0;
    let texts = 0;
    while (stack.length > 0) {
      const node = stack.pop() as Node;
      if ('tagName' in node) {
        elements++;
        expect((node as ClassifiedElement).kinds).toBe(classify(node.tagName, node.attrs));
      }
      if (node.nodeName === '#text') {
        texts++;
        expect((node as CountedTextNode).visible).toBe(visibleLength((node as DefaultTreeAdapterTypes.TextNode).value));
      }
      if ('childNodes' in node) stack.push(...node.childNodes);
    }
    expect(elements).toBeGreaterThan(3);
    expect(texts).toBeGreaterThan(1);
  });
});

describe('classify', () => {
  const styled = (style: string) => classify('div', [{ name: 'style', value: style }]) & ElementKinds.HIDDEN;

  it.each(['display:none', 'DISPLAY:NONE', 'Display: None;', 'color:red; display : none', 'mso-x:1;DiSpLaY:nOnE'])(
    'marks an element styled "%s" hidden (CSS reads property names and keywords in any case)',
    (style) => {
      expect(styled(style)).toBe(ElementKinds.HIDDEN);
    },
  );

  it.each(['display:block', 'font-family:none-such; display:inline', 'border:none', 'NONE'])('does not hide an element styled "%s"', (style) => {
    expect(styled(style)).toBe(0);
  });
});
