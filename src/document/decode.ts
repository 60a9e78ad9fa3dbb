/**
 * Decoding the bytes of a text or web-page report in the library (the CLI has its own, more
 * thorough detector for files of unknown origin).
 *
 * @packageDocumentation
 */

// The WHATWG decoder every browser, worker and Node provides; declared here because the core is
// type-checked without any host's library types.
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

// redos-bound: applied to the first 2,048 bytes of a page only (head); worst case in test/hardening/redos-bounds.test.ts
const CHARSET = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w-]{1,40})/i;

let singleByte: { decode(input: Uint8Array): string } | undefined;

// The head as one character per byte, for the charset pattern: windows-1252 (WHATWG's "latin1")
// maps each byte to one character and ASCII to itself, as `String.fromCharCode(...bytes)` does; the
// bytes it maps otherwise (0x80–0x9F) are, either way, no `>`, space, quote or word character to the
// pattern. Without the spread's 2,048 arguments, which cost about a fifth of decoding a 100 KB page.
const headText = (bytes: Uint8Array): string => (singleByte ??= new TextDecoder('windows-1252')).decode(bytes.subarray(0, 2048));

/**
 * The text of a report's bytes: by its byte-order mark (UTF-8, UTF-16), else by a web page's
 * `<meta charset>`, else UTF-8 when the bytes are valid UTF-8, else GB18030 (which the government
 * systems that do not write UTF-8 write).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = headText(bytes);
  const declared = CHARSET.exec(head)?.[1]?.toLowerCase();
  if (declared !== undefined && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An encoding the host does not know: fall through to the evidence of the bytes.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
