import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtMost, matchKey, normalize, normalizeMapped } from '../../src/read/source.js';
import { seedText } from '../support/fixtures.js';

/** The original characters under the span of a normalized range. */
const originalOf = (text: string, start: number, end: number): string => {
  const source = normalize(text);
  const span = source.span(start, end);
  return text.slice(span.start, span.end);
};

describe('normalize', () => {
  it.each([
    ['full-width digits, letters and punctuation', '第二十条第（一）项｜１６，ＡＢ：', '第二十条第(一)项|16,AB:'],
    ['every kind of space becomes one space', 'a\u00A0\u3000 \u2003b', 'a b'],
    ['line endings', 'a\r\nb\rc\n', 'a\nb\nc\n'],
    ['invisible characters', 'a\u200Bb\uFEFFc', 'abc'],
    ['spaces around an invisible character', 'a \u200B b', 'a b'],
    ['inline pinyin after a character', '數(shù)據(jù)統(tǒng)計', '数据统计'],
    ['a comma doubled before another mark', '一,、總體情況,,結合,。', '一、总体情况,结合。'],
    ['tabs are kept: they separate cells', '规章\t0\t0', '规章\t0\t0'],
    ['over-converted traditional script', '本年製發件數、全麵', '本年制发件数、全面'],
  ])('folds %s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('leaves a URL in parentheses alone (it is no pinyin)', () => {
    expect(normalize('门户(www.gov.cn)查阅').text).toBe('门户(www.gov.cn)查阅');
  });

  it('runs the converter only when the text holds traditional script', () => {
    expect(normalize('政府信息公开工作年度报告').traditional).toBe(false);
    expect(normalize('政府信息公開工作年度報告').traditional).toBe(true);
  });

  it('maps spans back to the characters the user wrote (traditional with pinyin)', () => {
    const text = seedText('004');
    const source = normalize(text);
    const start = source.text.indexOf('本年制发件数');
    expect(start).toBeGreaterThan(0);
    const span = source.span(start, start + '本年制发件数'.length);
    // The span ends with the last character of the range: the pinyin dropped after it stays out.
    expect(text.slice(span.start, span.end)).toBe('本年制發(fā)件數');
    const before = text.slice(0, span.start);
    expect(span.line).toBe(before.split('\n').length);
    expect(span.column).toBe(span.start - before.lastIndexOf('\n'));
  });

  it('points a value at its original full-width digits', () => {
    expect(originalOf('总计：１６件', 3, 5)).toBe('１６');
  });

  it('counts lines across \\r\\n and \\r', () => {
    const source = normalize('一\r\n二\r三');
    const at = source.text.indexOf('三');
    expect(source.span(at, at + 1)).toEqual({ start: 5, end: 6, line: 3, column: 1 });
  });

  it('never throws, and every normalized offset maps inside the original in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const source = normalize(text);
        let previous = -1;
        for (let offset = 0; offset < source.text.length; offset++) {
          const mapped = source.originalOffset(offset);
          expect(mapped).toBeGreaterThan(previous);
          expect(mapped).toBeLessThan(text.length);
          previous = mapped;
        }
      }),
    );
  });
});

describe('normalizeMapped', () => {
  it('counts the lines of the original across any mix of \\r\\n, \\r and \\n', () => {
    /** 1-based line and column of an offset, counted as editors count them. */
    const lineColumn = (text: string, offset: number): [number, number] => {
      const before = text.slice(0, offset);
      const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
      return [before.split(/\r\n|\r|\n/).length, offset - lineStart + 1];
    };
    const piece = fc.constantFrom('a', '表', ' ', '\r', '\n', '\r\n', '\n\r');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const original = pieces.join('');
        // A plain text that normalization leaves alone, each character standing for the original's at the same offset.
        const mapped = normalizeMapped(original, { plain: 'x'.repeat(original.length), originalOffset: (offset) => offset });
        for (let offset = 0; offset < original.length; offset++) {
          // Inside a \r\n, the \n belongs to the line the \r ends.
          if (original[offset] === '\n' && original[offset - 1] === '\r') continue;
          const span = mapped.span(offset, offset + 1);
          expect([span.line, span.column]).toEqual(lineColumn(original, offset));
        }
      }),
    );
  });
});

describe('matchKey', () => {
  it('strips spaces and unifies quotes and widths, so labels broken by spaces still match', () => {
    expect(matchKey('(三)不予 公开')).toBe(matchKey('（三）不予公开'));
    expect(matchKey('3.危及"三安全一稳定"')).toBe(matchKey('3.危及“三安全一稳定”'));
  });
});

describe('lastAtMost', () => {
  it('finds the last entry at most the value, from any hint, forward or back', () => {
    const starts = [0, 5, 9, 20];
    for (let hint = 0; hint < starts.length; hint++) {
      expect([0, 4, 5, 8, 9, 19, 20, 99].map((value) => lastAtMost(starts, value, hint))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    }
  });

  it('agrees with a scan of the whole list for any list, value and hint (the gallop from the hint included)', () => {
    const scan = (sorted: readonly number[], value: number): number => {
      let found = 0;
      sorted.forEach((entry, index) => {
        if (entry <= value) found = index;
      });
      return found;
    };
    fc.assert(
      fc.property(fc.array(fc.nat(60), { minLength: 1, maxLength: 40 }), fc.integer({ min: -5, max: 70 }), fc.nat(45), (entries, value, hint) => {
        const sorted = [...entries].sort((a, b) => a - b);
        expect(lastAtMost(sorted, value, hint)).toBe(scan(sorted, value));
      }),
      { numRuns: 2000 },
    );
  });
});
