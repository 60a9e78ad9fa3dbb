/**
 * Decoding a report file by its real encoding. Government systems still save GB18030/GBK text, and
 * Windows tools save UTF-16 with a byte-order mark; reading either as UTF-8 would check mojibake.
 */
import { binaryKindOf } from '../document/detect.js';

/** The encodings a file can be decoded from, as SARIF and the messages name them. */
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030' | 'Big5';

/** Why a file is not decodable text. */
export type UndecodableReason = 'pdf' | 'office' | 'binary' | 'unknown-encoding';

/**
 * Something the command line should say about a file it could decode:
 * `bom-mismatch` — a UTF-8 byte-order mark before text in another encoding (GB18030, Big5), decoded
 * by its content, not by the mark.
 */
export type DecodeWarning = 'bom-mismatch';

/** The outcome of {@link decodeReport}: a typed value, never an exception. */
export type DecodeResult =
  | {
      readonly ok: true;
      /** The text, without a byte-order mark. */
      readonly text: string;
      readonly encoding: TextEncodingName;
      /** True when the file began with a byte-order mark. */
      readonly bom: boolean;
      /** Damaged byte sequences replaced by U+FFFD (UTF-8 or GB18030 files otherwise sound). */
      readonly replaced: number;
      /** Present when the decoding needs a word of warning. */
      readonly warning?: DecodeWarning;
    }
  | { readonly ok: false; readonly reason: UndecodableReason };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);


/**
 * Counts well-formed multi-byte UTF-8 sequences and invalid bytes. Chinese text in UTF-8 is almost
 * all three-byte sequences, while GB18030 bytes read as UTF-8 almost never form one; the two counts
 * tell a damaged UTF-8 file from a GB18030 one.
 */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let good = length > 0 && index + length <= bytes.length;
    for (let offset = 1; good && offset < length; offset++) {
      const next = bytes[index + offset] as number;
      if (next < 0x80 || next > 0xbf) good = false;
    }
    if (good) {
      valid++;
      index += length;
    } else {
      invalid++;
      index++;
    }
  }
  return { valid, invalid };
}

// How many U+FFFD the decoder put in place of invalid bytes: those in the text less those the file
// itself held (EF BF BD).
function replacementsAdded(text: string, bytes: Uint8Array): number {
  let inText = 0;
  for (let index = text.indexOf('\ufffd'); index >= 0; index = text.indexOf('\ufffd', index + 1)) inText++;
  let inBytes = 0;
  for (let index = bytes.indexOf(0xef); index >= 0 && index + 2 < bytes.length; index = bytes.indexOf(0xef, index + 1)) {
    if (bytes[index + 1] === 0xbf && bytes[index + 2] === 0xbd) inBytes++;
  }
  return inText - inBytes;
}

// UTF-16 without a byte-order mark: ASCII characters leave zero bytes at every other position.
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, 4096) & ~1;
  // A short run of bytes with a NUL or two is no evidence of UTF-16 ("abc\0def" was taken for it).
  if (length < 32) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02) return 'utf-16be';
  return undefined;
}

// Characters that fill every report, in both scripts: text decoded with the right one of two
// double-byte encodings is full of them, the same bytes decoded with the wrong one almost never.
const COMMON =
  '的年报告政府信息公开工作情况申请件行政复议诉讼本数处理结果依法主动网站平台办年度其他' +
  '報開與數處請關務機復訴國會發說實們過時對應進經辦號條據區縣門網體項類總資訊議記檢為並個來將當後見間產';
const COMMON_CODES = new Set(Array.from(COMMON, (char) => char.charCodeAt(0)));

/** How many characters of the text are among the commonest of reports. */
function commonCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) if (COMMON_CODES.has(text.charCodeAt(index))) count++;
  return count;
}

const countReplacements = (text: string): number => {
  let count = 0;
  for (let index = text.indexOf('\ufffd'); index >= 0; index = text.indexOf('\ufffd', index + 1)) count++;
  return count;
};

// A GB18030 or Big5 file is taken with this many damaged sequences at most (one in 200 characters,
// and never fewer than 8): a few damaged bytes must not refuse a whole report, but text in neither
// encoding must not pass as one.
const tolerableDamage = (length: number): number => Math.max(8, Math.floor(length / 200));

/**
 * Decodes bytes that are not UTF-8: GB18030 (and so GBK and GB2312) or Big5, the one whose text
 * holds more of the commonest characters of reports (the same bytes are often valid in both);
 * damaged sequences become U+FFFD and are counted; text in neither is refused.
 */
function decodeDoubleByte(bytes: Uint8Array, bom: boolean, warning: DecodeWarning | undefined): DecodeResult {
  const gb = new TextDecoder('gb18030').decode(bytes);
  const big5 = new TextDecoder('big5').decode(bytes);
  const gbScore = commonCharacters(gb);
  const big5Score = commonCharacters(big5);
  const [text, encoding] = big5Score > 2 * gbScore && big5Score >= 8 ? [big5, 'Big5' as const] : [gb, 'GB18030' as const];
  const replaced = countReplacements(text);
  // Damaged text must still read as a report: random high bytes decode as GB18030 too.
  const score = encoding === 'Big5' ? big5Score : gbScore;
  if (replaced > 0 && (replaced > tolerableDamage(text.length) || score < text.length / 50)) return { ok: false, reason: 'unknown-encoding' };
  return { ok: true, text, encoding, bom, replaced, ...(warning ? { warning } : {}) };
}

/**
 * Decodes a report file: UTF-8 with or without a BOM, UTF-16LE/BE with a BOM (or plainly UTF-16
 * without one), GB18030 (and so GBK and GB2312) or Big5 when the bytes are not UTF-8. Never throws.
 *
 * - A UTF-8 file with a few damaged bytes stays UTF-8 (they become U+FFFD and are counted) rather
 *   than being misread whole as GB18030; a GB18030 or Big5 file with a few damaged bytes is read
 *   the same way instead of being refused.
 * - A UTF-8 BOM followed by GB18030 or Big5 text is decoded by its content, with a
 *   `bom-mismatch` warning (it used to give thousands of U+FFFD).
 * - UTF-8 holding NUL characters (`abc\0def`) is UTF-8: only text whose bytes are mostly NULs
 *   at alternate positions is taken for UTF-16 without a BOM.
 * - Big5 is recognised: the same bytes are usually valid GB18030 too, and the encoding whose text
 *   holds more of the commonest characters of reports is chosen (it used to be read as GB18030).
 * - PDF, Office and other binary files are refused, never decoded as text.
 */
export function decodeReport(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const rest = bytes.subarray(3);
    const text = new TextDecoder('utf-8').decode(rest);
    const replaced = replacementsAdded(text, rest);
    if (replaced === 0) return { ok: true, text, encoding: 'UTF-8', bom: true, replaced };
    const { valid, invalid } = utf8Evidence(rest);
    if (valid >= 8 * invalid) return { ok: true, text, encoding: 'UTF-8', bom: true, replaced };
    return decodeDoubleByte(rest, true, 'bom-mismatch');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE', bom: true, replaced: 0 };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE', bom: true, replaced: 0 };
  // The signatures are the document model's: one definition of what a PDF, a zip or an OLE file is.
  const kind = binaryKindOf(bytes);
  if (kind === 'pdf') return { ok: false, reason: 'pdf' };
  if (kind === 'zip' || kind === 'ole') return { ok: false, reason: 'office' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    return { ok: true, text: new TextDecoder(utf16).decode(bytes), encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE', bom: false, replaced: 0 };
  }
  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not clean UTF-8: damaged UTF-8, another encoding, or binary; decided below.
  }
  // Clean UTF-8 is UTF-8, NUL characters and all, unless NULs are a good part of it (zeros are data, not text).
  if (utf8 !== undefined) {
    let zeros = 0;
    for (let index = bytes.indexOf(0); index >= 0; index = bytes.indexOf(0, index + 1)) zeros++;
    if (zeros > bytes.length * 0.3) return { ok: false, reason: 'binary' };
    return { ok: true, text: utf8, encoding: 'UTF-8', bom: false, replaced: 0 };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  const { valid, invalid } = utf8Evidence(bytes);
  if (valid >= 8 * invalid) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { ok: true, text, encoding: 'UTF-8', bom: false, replaced: replacementsAdded(text, bytes) };
  }
  return decodeDoubleByte(bytes, false, undefined);
}
