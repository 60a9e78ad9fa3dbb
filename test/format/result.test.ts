import { describe, expect, it } from 'vitest';
import { summarize, totalsOf } from '../../src/index.js';
import { DIAGNOSTICS, EXCERPT } from './fixtures.js';

describe('summarize', () => {
  it('counts diagnostics by severity', () => {
    const result = summarize('a.txt', DIAGNOSTICS);
    expect(result).toMatchObject({ file: 'a.txt', errorCount: 1, warningCount: 2 });
    expect(result.diagnostics).toBe(DIAGNOSTICS);
    expect(result.endPositions).toBeUndefined();
  });

  it('finds where spans end, counting CRLF and a lone CR as one line break each', () => {
    const result = summarize('a.txt', DIAGNOSTICS, { text: EXCERPT, encoding: 'GB18030' });
    expect(result.encoding).toBe('GB18030');
    const eighteen = DIAGNOSTICS[0]?.span;
    const sixteen = DIAGNOSTICS[0]?.related?.[0]?.span;
    expect(EXCERPT.slice(eighteen?.start, eighteen?.end)).toBe('１８');
    // "本年度共收到申请１８件" is line 2 (after \r\n); "１８" starts at column 9 and ends before column 11.
    expect(eighteen).toMatchObject({ line: 2, column: 9 });
    expect(result.endPositions?.get(eighteen?.end as number)).toEqual({ line: 2, column: 11 });
    // After the lone \r comes line 3: "（一）予以公开\t16".
    expect(sixteen).toMatchObject({ line: 3, column: 9 });
    expect(result.endPositions?.get(sixteen?.end as number)).toEqual({ line: 3, column: 11 });
  });

  it('adds up results, infos included', () => {
    const results = [summarize('a.txt', DIAGNOSTICS), summarize('b.txt', DIAGNOSTICS.slice(0, 1)), summarize('c.txt', [])];
    expect(totalsOf(results)).toEqual({ fileCount: 3, errorCount: 2, warningCount: 2, infoCount: 1 });
  });
});
