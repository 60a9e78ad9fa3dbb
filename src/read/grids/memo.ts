/**
 * The grid reader's memos: what a distinct cell text or label key gives (pure functions of it),
 * kept across documents, since a page's grids repeat their texts and every report repeats the
 * template's labels ("信息内容", "0"). Bounded twice, so that a batch of hostile pages cannot make a
 * memo hold more than a few hundred kilobytes: in entries (a memo full of distinct texts is emptied
 * rather than grown) and in key length (a long text — a note written into a cell, never a template
 * label — is computed each time it is asked, not kept).
 *
 * @packageDocumentation
 */

/** The most entries a memo holds before it is emptied. */
export const MAX_MEMO = 4096;

/** The longest key a memo keeps: the template's longest label, spaced out, is well under it. */
export const MAX_MEMO_KEY = 128;

/** `compute(key)`, from `memo` when it was computed before (see {@link MAX_MEMO}, {@link MAX_MEMO_KEY}). */
export function memoized<T>(memo: Map<string, T>, key: string, compute: (key: string) => T): T {
  if (key.length > MAX_MEMO_KEY) return compute(key);
  let value = memo.get(key);
  if (value === undefined) {
    value = compute(key);
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(key, value);
  }
  return value;
}
