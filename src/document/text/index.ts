/**
 * The text front-end: a report as text (copied from a page, crawled, extracted from a PDF by
 * another tool) → the document model. Its tables have no grid: the table reader recovers them from
 * the token layout of the text.
 *
 * @packageDocumentation
 */
import { normalize } from '../../read/source.js';
import type { SourceText } from '../../read/source.js';
import type { ReportDocument, TextBlock } from '../model.js';

/** The text's non-empty lines as paragraph blocks (the section reader decides which are headings). */
export function lineBlocks(source: SourceText): TextBlock[] {
  const text = source.text;
  const blocks: TextBlock[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) blocks.push({ kind: 'paragraph', start, end });
    start = end + 1;
  }
  return blocks;
}

/**
 * Reads a report given as text into the document model: the text normalized (see `normalize`),
 * one paragraph block per line, no grids. Never throws.
 */
export function readTextDocument(text: string): ReportDocument {
  const source = normalize(text);
  // The reader reads the text itself, never these blocks: they are made for whoever asks, once.
  let blocks: TextBlock[] | undefined;
  return {
    form: 'text',
    source,
    get blocks(): TextBlock[] {
      return (blocks ??= lineBlocks(source));
    },
    grids: [],
    hints: {},
    problems: [],
  };
}
