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
// A change from last year: a sign or 增/减 written before it ("减4", "-4", "+2", "增2").
const SIGNED = /^([+\-增减])?(0|[1-9]\d*)$/u;
const AMOUNT = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;
// An amount with its unit written in, where the template prints none (the 2019 采购总金额).
const AMOUNT_WITH_UNIT = /^((?:0|[1-9]\d*)(?:\.\d+)?)(元|万元)$/u;

// Longest run of digits read as a number in place: any shorter one is exact in a double.
const MAX_PLAIN_DIGITS = 15;

/**
 * The cell for the value written at `[start, end)` of the normalized text, in a column of the given
 * unit: a count (a non-negative integer without leading zeros), a signed change ("减4" is −4), an
 * amount (an exact decimal), a blank (`—`, `/`, `无` … kept as written) or an invalid cell keeping the text as written
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
  if (plain && unit === 'signedCount') return { kind: 'signed', value, span };
  const written = normalized.slice(start, end);
  if (isBlankMark(written)) return { kind: 'blank', text: source.written(start, end), span };
  if (unit === 'count') {
    if (COUNT.test(written)) {
      const count = Number(written);
      if (Number.isSafeInteger(count)) return { kind: 'count', value: count, span };
    }
    return { kind: 'invalid', text: source.written(start, end), span };
  }
  if (unit === 'signedCount') {
    const signed = SIGNED.exec(written);
    const magnitude = signed ? Number(signed[2]) : Number.NaN;
    if (signed && Number.isSafeInteger(magnitude)) {
      const negative = signed[1] === '-' || signed[1] === '减';
      return { kind: 'signed', value: negative && magnitude !== 0 ? -magnitude : magnitude, span };
    }
    return { kind: 'invalid', text: source.written(start, end), span };
  }
  if (AMOUNT.test(written)) return { kind: 'amount', value: new Decimal(written), span };
  const withUnit = unit === 'amount' ? AMOUNT_WITH_UNIT.exec(written) : null;
  if (withUnit) return { kind: 'amount', value: new Decimal(withUnit[1] as string), unit: withUnit[2] as '元' | '万元', span };
  return { kind: 'invalid', text: source.written(start, end), span };
}
