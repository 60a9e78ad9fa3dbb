/**
 * Telling a report's form from its content, not its file name: a saved page named `.txt` is HTML,
 * a PDF is a PDF whatever it is called.
 *
 * @packageDocumentation
 */
import type { DocumentForm } from './model.js';

// Markup that only a web page starts with, or holds in quantity: a doctype, <html>, <head>, <body>,
// or table and paragraph tags. A report's text mentions none of them.
// An XHTML page saved by an old CMS may open with an XML declaration before its doctype.
const PAGE_START = /^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<!--)/i;
const PAGE_TAG = /<(?:table|tr|td|p|div|span|br)[\s>/]/gi;

/** Whether a text is a web page's source rather than a report's text (false for what is not a string). */
export function looksLikeHtml(text: string): boolean {
  if (typeof text !== 'string') return false;
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  // Both patterns need a `<`, which a report's text seldom holds: the engine's search for it is
  // cheaper than running either pattern over every character of the head, and the tags are
  // looked for from the first one on.
  const firstMark = head.indexOf('<');
  if (firstMark < 0) return false;
  if (PAGE_START.test(head)) return true;
  let tags = 0;
  PAGE_TAG.lastIndex = firstMark;
  while (PAGE_TAG.exec(head) !== null) if (++tags >= 5) return true;
  return false;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, index) => bytes[index] === byte);

/** `%PDF-` */
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** A zip file's local header, `PK\x03\x04`: a .docx (or any other zip). */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** An OLE2 compound file: the old binary .doc, .wps, .xls. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes of a file are, as far as reading a report goes. */
export type BinaryKind = 'pdf' | 'zip' | 'ole' | 'other';

/**
 * The kind of a file from its first bytes: PDF, zip (a .docx), OLE (a .doc or .wps), or anything else.
 * A PDF's `%PDF-` header counts at the start (after whitespace or a UTF-8 byte order mark), or after
 * leading junk within the first 1 KB that is not text: a text that merely mentions `%PDF-` near its
 * start (a changelog, a note "原文件格式：%PDF-1.7") stays text.
 */
export function binaryKindOf(bytes: Uint8Array): BinaryKind {
  if (!(bytes instanceof Uint8Array)) return 'other';
  if (startsWith(bytes.subarray(leadingBlankLength(bytes)), PDF_SIGNATURE)) return 'pdf';
  // A PDF may have a few bytes of junk before its header; readers accept it within the first 1 KB.
  const head = bytes.subarray(0, 1024);
  for (let index = 1; index + PDF_SIGNATURE.length <= head.length; index++) {
    if (head[index] === 0x25 && startsWith(head.subarray(index), PDF_SIGNATURE)) return isTextLike(head.subarray(0, index)) ? 'other' : 'pdf';
  }
  if (startsWith(bytes, ZIP_SIGNATURE)) return 'zip';
  if (startsWith(bytes, OLE_SIGNATURE)) return 'ole';
  return 'other';
}

/** How many bytes of a UTF-8 byte order mark and whitespace a file opens with. */
function leadingBlankLength(bytes: Uint8Array): number {
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && (bytes[index] === 0x20 || (bytes[index] as number) >= 0x09 && (bytes[index] as number) <= 0x0d)) index++;
  return index;
}

/**
 * Whether bytes read as text: no control byte but whitespace (NUL, 0x01–0x08, 0x0e–0x1f, DEL).
 * Text in any encoding a report comes in (UTF-8, GB 18030, UTF-8 with a BOM) has none; a PDF's
 * leading junk (a stray binary header) does.
 */
function isTextLike(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte === 0x7f || (byte < 0x20 && (byte < 0x09 || byte > 0x0d))) return false;
  }
  return true;
}

/** The form of a text input: HTML when it is a page's source, text otherwise. */
export function textFormOf(text: string): Extract<DocumentForm, 'text' | 'html'> {
  return looksLikeHtml(text) ? 'html' : 'text';
}
