/**
 * The grid reader's memos are kept across documents, so they must stay small whatever a batch of
 * pages holds: bounded in entries and in key length.
 */
import { describe, expect, it } from 'vitest';
import { MAX_MEMO, MAX_MEMO_KEY, memoized } from '../../src/read/grids/memo.js';

describe('memoized', () => {
  it('computes a key once and answers it again from the memo', () => {
    const memo = new Map<string, number>();
    let calls = 0;
    const length = (key: string) => {
      calls++;
      return key.length;
    };
    expect(memoized(memo, '信息内容', length)).toBe(4);
    expect(memoized(memo, '信息内容', length)).toBe(4);
    expect(calls).toBe(1);
  });

  it('keeps no key longer than MAX_MEMO_KEY (a note written into a cell), computing it each time', () => {
    const memo = new Map<string, number>();
    let calls = 0;
    const long = '说明'.repeat(MAX_MEMO_KEY);
    const length = (key: string) => {
      calls++;
      return key.length;
    };
    expect(memoized(memo, long, length)).toBe(2 * MAX_MEMO_KEY);
    expect(memoized(memo, long, length)).toBe(2 * MAX_MEMO_KEY);
    expect(calls).toBe(2);
    expect(memo.size).toBe(0);
    expect(memoized(memo, 'x'.repeat(MAX_MEMO_KEY), length)).toBe(MAX_MEMO_KEY);
    expect(memo.size).toBe(1);
  });

  it('never holds more than MAX_MEMO entries: a full memo is emptied', () => {
    const memo = new Map<string, number>();
    for (let index = 0; index < 3 * MAX_MEMO + 5; index++) {
      memoized(memo, `第${index}项`, (key) => key.length);
      expect(memo.size).toBeLessThanOrEqual(MAX_MEMO);
    }
    expect(memo.size).toBeGreaterThan(0);
  });
});
