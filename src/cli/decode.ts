/**
 * Decoding a report file by its real encoding. Government systems still save GB18030/GBK text, and
 * Windows tools save UTF-16 with a byte-order mark; reading either as UTF-8 would check mojibake.
 */

/** The encodings a file can be decoded from, as SARIF and the messages name them. */
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** Why a file is not decodable text. */
export type UndecodableReason = 'pdf' | 'office' | 'binary' | 'unknown-encoding';

/** The outcome of {@link decodeReport}. */
export type DecodeResult =
  | {
      readonly ok: true;
      /** The text, without a byte-order mark. */
      readonly text: string;
      readonly encoding: TextEncodingName;
      /** True when the file began with a byte-order mark. */
      readonly bom: boolean;
      /** Invalid UTF-8 sequences replaced by U+FFFD in a file that is otherwise UTF-8. */
      readonly replaced: number;
    }
  | { readonly ok: false; readonly reason: UndecodableReason };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

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
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * Decodes a report file: UTF-8 with or without a BOM, UTF-16LE/BE with a BOM (or plainly UTF-16
 * without one), GB18030 (and so GBK and GB2312) when the bytes are not UTF-8. A UTF-8 file with a
 * few damaged bytes stays UTF-8 (they become U+FFFD and are counted) rather than being misread
 * whole as GB18030. PDF, Office and other binary files are refused, never decoded as text.
 */
export function decodeReport(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return { ok: true, text, encoding: 'UTF-8', bom: true, replaced: replacementsAdded(text, bytes) };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE', bom: true, replaced: 0 };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE', bom: true, replaced: 0 };
  if (startsWith(bytes, PDF)) return { ok: false, reason: 'pdf' };
  if (startsWith(bytes, ZIP) || startsWith(bytes, OLE)) return { ok: false, reason: 'office' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    return { ok: true, text: new TextDecoder(utf16).decode(bytes), encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE', bom: false, replaced: 0 };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8', bom: false, replaced: 0 };
  } catch {
    // Not clean UTF-8: either damaged UTF-8 or another encoding; the evidence decides below.
  }
  const { valid, invalid } = utf8Evidence(bytes);
  if (valid >= 8 * invalid) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return { ok: true, text, encoding: 'UTF-8', bom: false, replaced: replacementsAdded(text, bytes) };
  }
  try {
    return { ok: true, text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030', bom: false, replaced: 0 };
  } catch {
    return { ok: false, reason: 'unknown-encoding' };
  }
}
