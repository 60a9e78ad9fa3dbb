/**
 * Turning the text of one value into a typed cell of the column it was placed in.
 *
 * @packageDocumentation
 */
import type { Unit } from '../../catalog/index.js';
import { Decimal } from '../../model/index.js';
import type { Cell, Span } from '../../model/index.js';
import type { SourceText } from '../source.js';
import { isBlankMark } from './tokens.js';

const COUNT = /^(?:0|[1-9]\d*)$/;
const AMOUNT = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

// Longest run of digits read as a number in place: any shorter one is exact in a double.
const MAX_PLAIN_DIGITS = 15;

/**
 * The cell for the value written at `[start, end)` of the normalized text, in a column of the given
 * unit: a count (a non-negative integer without leading zeros), an amount (the 万元 fee: an exact
 * decimal), a blank (`—`, `/`, `无` … kept as written) or an invalid cell keeping the text as written
 * (`2821.5` as a count, `251000元`, `-1`).
 *
 * @param normalized - the normalized text, which is what is parsed
 * @param source - the report's text: blank and invalid cells keep the range as written
 */
export function cellFor(normalized: string, start: number, end: number, source: SourceText, unit: Unit, span: Span): Cell {
  // Called for every cell of every table, most of them plain digits: those are read in place,
  // without slicing the text or running a regular expression.
  let value = 0;
  let index = start;
  while (index < end) {
    const code = normalized.charCodeAt(index);
    if (code < 48 || code > 57) break;
    value = value * 10 + (code - 48);
    index++;
  }
  const plain = index === end && end > start && end - start <= MAX_PLAIN_DIGITS && (end - start === 1 || normalized.charCodeAt(start) !== 48);
  if (plain && unit === 'count') return { kind: 'count', value, span };
  const written = normalized.slice(start, end);
  if (isBlankMark(written)) return { kind: 'blank', text: source.written(start, end), span };
  if (unit === 'count') {
    if (COUNT.test(written)) {
      const count = Number(written);
      if (Number.isSafeInteger(count)) return { kind: 'count', value: count, span };
    }
    return { kind: 'invalid', text: source.written(start, end), span };
  }
  if (AMOUNT.test(written)) return { kind: 'amount', value: new Decimal(written), span };
  return { kind: 'invalid', text: source.written(start, end), span };
}
