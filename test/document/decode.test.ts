import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/document/decode.js';

const ascii = (text: string): number[] => [...new TextEncoder().encode(text)];
// "Café" in windows-1252: not UTF-8, and not what GB18030 (the fallback) reads either.
const CAFE = [...ascii('Caf'), 0xe9];

describe('decodeText', () => {
  it("finds a page's <meta charset> after bytes of every value in its head (0x80–0x9F included)", () => {
    const noise = Array.from({ length: 256 }, (_, byte) => byte).filter((byte) => byte !== 0x3c && byte !== 0x3e);
    const bytes = Uint8Array.from([
      ...ascii('<html><head><title>'),
      ...noise,
      ...ascii('</title><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body>'),
      ...CAFE,
      ...ascii('</body>'),
    ]);
    expect(decodeText(bytes).endsWith('Café</body>')).toBe(true);
  });

  it('reads the charset only from the first 2,048 bytes', () => {
    const late = Uint8Array.from([...ascii(`<html><head><!--${'x'.repeat(2100)}--><meta charset="windows-1252"></head>`), ...CAFE]);
    expect(decodeText(late).endsWith('Café')).toBe(false);
    const early = Uint8Array.from([...ascii(`<html><head><meta charset="windows-1252"><!--${'x'.repeat(2100)}--></head>`), ...CAFE]);
    expect(decodeText(early).endsWith('Café')).toBe(true);
  });
});
