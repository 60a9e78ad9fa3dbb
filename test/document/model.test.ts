import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectForm, layoutGrid, PlainTextBuilder, readTextDocument } from '../../src/index.js';
import type { TableGrid } from '../../src/index.js';
import { normalizeMapped } from '../../src/read/source.js';
import { seedText } from '../support/fixtures.js';

describe('the text front-end', () => {
  it('makes one document: the normalized text, a paragraph block per non-empty line, no grids', () => {
    const document = readTextDocument('一、总体情况\r\n\r\n　本机关２０２４年…\n');
    expect(document.form).toBe('text');
    expect(document.source.text).toBe('一、总体情况\n\n 本机关2024年…\n');
    expect(document.blocks.map((block) => document.source.text.slice(block.start, block.end))).toEqual(['一、总体情况', ' 本机关2024年…']);
    expect(document.grids).toEqual([]);
    expect(document.problems).toEqual([]);
  });

  it('maps every block of a seed back to its line in the original', () => {
    const text = seedText('000');
    const document = readTextDocument(text);
    const lines = text.split('\n');
    for (const block of document.blocks) {
      const span = document.source.span(block.start, block.end);
      expect(lines[span.line - 1]?.slice(span.column - 1)).toContain(text.slice(span.start, span.end).trim());
    }
  });
});

describe('normalizeMapped: one map from the normalized text through a front-end’s plain text to the original', () => {
  const html = '<td><p>自然人&nbsp;&nbsp;１２</p></td>\n<td>\n  5 </td>';
  const builder = new PlainTextBuilder();
  builder.append('自然人', html.indexOf('自'));
  builder.appendAt(' ', html.indexOf('&nbsp;'));
  builder.appendAt(' ', html.lastIndexOf('&nbsp;'));
  builder.append('１２', html.indexOf('１'));
  builder.appendAt(' | ', html.indexOf('</td>'));
  builder.append('5', html.indexOf('5'));
  const source = normalizeMapped(html, builder.build());

  it('normalizes the plain text as text is normalized', () => {
    expect(source.text).toBe('自然人 12 | 5');
  });

  it('points a value at its characters in the page, with line and column there', () => {
    const twelve = source.text.indexOf('12');
    expect(source.span(twelve, twelve + 2)).toEqual({ start: html.indexOf('１'), end: html.indexOf('２') + 1, line: 1, column: html.indexOf('１') + 1 });
    const five = source.text.indexOf('5');
    expect(source.span(five, five + 1)).toMatchObject({ start: html.indexOf('5'), line: 3, column: 3 });
    expect(source.written(twelve, twelve + 2)).toBe('１２');
  });

  it('ends a span at the end of a reference its last character was decoded from', () => {
    const page = '<td>&#x6587;&#20214;</td>';
    const plain = new PlainTextBuilder();
    plain.appendAt('文', 4, 8);
    plain.appendAt('件', 12, 8);
    const mapped = normalizeMapped(page, plain.build());
    expect(mapped.span(0, 2)).toMatchObject({ start: 4, end: 20 });
    expect(page.slice(mapped.span(1, 2).start, mapped.span(1, 2).end)).toBe('&#20214;');
  });

  it('maps plain offsets forward, where a front-end put a cell', () => {
    expect(source.text.charAt(source.normalizedOffset(builder.length - 1))).toBe('5');
    // A character normalization dropped (the second of two spaces) maps to the next one kept.
    expect(source.normalizedOffset(4)).toBe(source.text.indexOf('12'));
  });

  it('keeps every span inside the original and in order, whatever the pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.boolean()), { maxLength: 20 }), (pieces) => {
        const original = pieces.map(([text]) => `<b>${text}</b>`).join('');
        const plain = new PlainTextBuilder();
        let at = 0;
        for (const [text, copied] of pieces) {
          if (copied) plain.append(text, at + 3);
          else plain.appendAt(text, at);
          at += text.length + 7;
        }
        const mapped = normalizeMapped(original, plain.build());
        let previous = 0;
        for (let index = 0; index < mapped.text.length; index++) {
          const span = mapped.span(index, index + 1);
          expect(span.start).toBeGreaterThanOrEqual(previous);
          expect(span.end).toBeLessThanOrEqual(original.length);
          previous = span.start;
        }
      }),
    );
  });
});

describe('detectForm: the form from the content, not the name', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
  it('tells web pages, PDFs, Word files and old binary files apart', () => {
    expect(detectForm('<!DOCTYPE html><html><body><p>一、总体情况</p></body></html>')).toBe('html');
    expect(detectForm('<div><p>一</p><p>二</p><table><tr><td>1</td></tr></table></div>')).toBe('html');
    expect(detectForm(seedText('001'))).toBe('text');
    expect(detectForm(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(detectForm(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toBe('docx');
    expect(detectForm(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('unsupported');
    expect(detectForm(bytes('\ufeff<html><body>x</body></html>'))).toBe('html');
    expect(detectForm(bytes('一、总体情况 本机关…'))).toBe('text');
  });

  it('takes %PDF- for a PDF at the start or after binary junk, never in a text that mentions it', () => {
    expect(detectForm(bytes('\ufeff \r\n%PDF-1.4\n'))).toBe('pdf');
    expect(detectForm(new Uint8Array([0x00, 0x1b, 0x8f, ...bytes('%PDF-1.5\n')]))).toBe('pdf');
    expect(detectForm(bytes(`原文件格式：%PDF-1.7\n${seedText('001')}`))).toBe('text');
    expect(detectForm(bytes('## 0.1.0\n- A header `%PDF-` anywhere in the first 1 KB no longer makes a PDF\n'))).toBe('text');
  });
});

describe('layoutGrid', () => {
  it('lays out spans: a merged position holds the cell that covers it, capped at the grid', () => {
    const cell = (row: number, column: number, rowSpan = 1, colSpan = 1) => ({ text: `${row}${column}`, start: 0, end: 0, row, column, rowSpan, colSpan, blank: false });
    const grid: TableGrid = { index: 1, start: 0, end: 0, columnCount: 3, rows: [{ cells: [cell(0, 0, 9), cell(0, 1, 1, 2)] }, { cells: [cell(1, 1), cell(1, 2)] }] };
    const layout = layoutGrid(grid);
    expect(layout.map((row) => row.map((entry) => entry?.text))).toEqual([
      ['00', '01', '01'],
      ['00', '11', '12'],
    ]);
  });
});
