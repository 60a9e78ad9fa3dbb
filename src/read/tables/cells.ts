/**
 * Turning the text of one value into a typed cell of the column it was placed in.
 *
 * @packageDocumentation
 */
import type { Unit } from '../../catalog/index.js';
import { Decimal } from '../../model/index.js';
import type { Cell, Span } from '../../model/index.js';
import { isBlankMark } from './tokens.js';

const COUNT = /^(?:0|[1-9]\d*)$/;
const AMOUNT = /^(?:0|[1-9]\d*)(?:\.\d+)?$/;

/**
 * The cell for a value of a column: a count (a non-negative integer without leading zeros), an
 * amount (the 万元 fee: an exact decimal), a blank (`—`, `/`, `无` … kept as written) or an invalid
 * cell keeping the text as written (`2821.5` as a count, `251000元`, `-1`).
 *
 * @param normalized - the value as normalized (full-width digits folded), which is what is parsed
 * @param original - the text the user supplied: blank and invalid cells keep what `span` covers in it
 */
export function cellFor(normalized: string, original: string, unit: Unit, span: Span): Cell {
  // Called for every cell of every table: the written text is sliced inline (no closure per call).
  if (isBlankMark(normalized)) return { kind: 'blank', text: original.slice(span.start, span.end), span };
  if (unit === 'count') {
    if (COUNT.test(normalized)) {
      const value = Number(normalized);
      if (Number.isSafeInteger(value)) return { kind: 'count', value, span };
    }
    return { kind: 'invalid', text: original.slice(span.start, span.end), span };
  }
  if (AMOUNT.test(normalized)) return { kind: 'amount', value: new Decimal(normalized), span };
  return { kind: 'invalid', text: original.slice(span.start, span.end), span };
}
