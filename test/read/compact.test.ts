import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactOf } from '../../src/read/compact.js';
import { normalize } from '../../src/read/source.js';

/** The text without whitespace and, for each of its characters, the normalized offset it came from. */
function reference(text: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let kept = '';
  for (let index = 0; index < text.length; index++) {
    if (/[ \n\t\r]/.test(text[index] as string)) continue;
    kept += text[index];
    offsets.push(index);
  }
  return { text: kept, offsets };
}

function expectLikeReference(original: string, end = Number.POSITIVE_INFINITY): void {
  const source = normalize(original);
  const range = source.text.slice(0, end);
  const compact = compactOf(source, end);
  const expected = reference(range);
  expect(compact.text).toBe(expected.text);
  expected.offsets.forEach((offset, index) => expect(compact.offset(index)).toBe(offset));
  expect(compact.offset(expected.text.length)).toBe(range.length);
}

describe('compactOf', () => {
  it('drops every run of whitespace and maps each kept character back to its normalized offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '字', '1', ' ', '\n', '\t', '\r'), { maxLength: 300 }), fc.nat(320), (chars, end) => {
        expectLikeReference(chars.join(''), end);
        expectLikeReference(chars.join(''));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads an end that is no offset of the text as slicing the text there does (past it, negative, fractional)', () => {
    for (const end of [1_000, -3, -1_000, 2.5, -2.5, Number.NEGATIVE_INFINITY]) expectLikeReference('a b\n字 1\t2 ', end);
  });

  it('maps a text with more whitespace runs than its map reserved (one in two characters; past the reserve cap)', () => {
    // A run every other character is twice the runs the map reserves for a text, and 300,000 runs
    // are past the most it reserves before seeing the text: the map grows, and keeps every run.
    expectLikeReference('字 '.repeat(20));
    expectLikeReference('1\t'.repeat(300_000));
  });
});
