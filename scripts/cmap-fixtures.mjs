#!/usr/bin/env node
// Makes the PDF fixtures of test/fixtures/documents whose text is set in a font that uses a
// predefined CMap, as older Chinese PDFs set in a non-embedded 宋体 (SimSun) do: a Type0 font with
// `/Encoding /GBK-EUC-H` (cmap-gbk.pdf) or `/Encoding /UniGB-UCS2-H` (cmap-ucs2.pdf), its CIDFont
// of the Adobe-GB1 collection with no font program embedded. pdf.js reads such text only with the
// CMap files (pdfjs-dist/cmaps). The outputs are committed; run this again only to remake them:
//
//   node scripts/cmap-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../test/fixtures/documents/', import.meta.url));

/** What the page says: a report's title, a section heading and a few rows of its table 二 (shared with the test). */
export const CMAP_LINES = JSON.parse(readFileSync(join(OUT, 'cmap-lines.json'), 'utf8'));

// GBK's two-byte codes, from the decoder (Node has none the other way): each character's bytes.
const GBK = new Map();
const gbk = new TextDecoder('gbk');
for (let lead = 0x81; lead <= 0xfe; lead++) {
  for (let trail = 0x40; trail <= 0xfe; trail++) {
    if (trail === 0x7f) continue;
    const char = gbk.decode(new Uint8Array([lead, trail]));
    if (char.length === 1 && char !== '\ufffd' && !GBK.has(char)) GBK.set(char, [lead, trail]);
  }
}

/** The bytes of a string in GBK-EUC-H: ASCII one byte, the rest GBK's two. */
function encodeGbk(text) {
  const bytes = [];
  for (const char of text) {
    const code = char.codePointAt(0);
    if (code < 0x80) bytes.push(code);
    else if (GBK.has(char)) bytes.push(...GBK.get(char));
    else throw new Error(`no GBK code for ${char}`);
  }
  return bytes;
}

/** The bytes of a string in UniGB-UCS2-H: each character its UCS-2 code, big-endian. */
const encodeUcs2 = (text) => [...text].flatMap((char) => [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff]);

const hex = (bytes) => bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();

/** A one-page A4 PDF whose lines are set in a Type0 font of the given predefined CMap. */
function cmapPdf(encoding, encode, fontType) {
  const content = ['BT', '/F1 16 Tf', '72 760 Td', `<${hex(encode(CMAP_LINES[0]))}> Tj`, '/F1 12 Tf'];
  for (const line of CMAP_LINES.slice(1)) content.push('0 -28 Td', `<${hex(encode(line))}> Tj`);
  content.push('ET');
  const stream = content.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /${encoding} /DescendantFonts [6 0 R] >>`,
    `<< /Type /Font /Subtype /${fontType} /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>`,
    // No /FontFile2: the font program is not embedded, as with a 宋体 the reader's system supplies.
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 996 855] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>',
    `<< /Title (CMap ${encoding}) /Producer (xxgk-lint scripts/cmap-fixtures.mjs) >>`,
  ];
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

writeFileSync(join(OUT, 'cmap-gbk.pdf'), cmapPdf('GBK-EUC-H', encodeGbk, 'CIDFontType2'));
writeFileSync(join(OUT, 'cmap-ucs2.pdf'), cmapPdf('UniGB-UCS2-H', encodeUcs2, 'CIDFontType0'));
