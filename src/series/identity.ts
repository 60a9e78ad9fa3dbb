import { normalize } from '../read/source.js';

// What two spellings of one agency's name differ by and still name the same agency: the long and
// the short form of 人民政府 and of its office, of 管理委员会, and the marks between words.
const SHORT_FORMS: readonly (readonly [RegExp, string])[] = [
  [/人民政府/g, '政府'],
  [/政府办公(室|厅)/g, '政府办'],
  [/管理委员会/g, '管委会'],
];
const SEPARATORS = /[\s·•・.．、,，"“”'‘’]/g;

/**
 * The identity of an agency, to tell which reports are one agency's: its name folded as the reader
 * folds text (full-width forms, traditional script), without spaces or separating marks, and with
 * the short forms of 人民政府, 人民政府办公室/办公厅 and 管理委员会 — so that "XX县人民政府办公室"
 * and "XX縣政府辦" are one agency. An explicit id (from the configuration, for an agency that
 * renamed) wins over the name. Undefined when there is neither.
 */
export function agencyIdentity(name: string | undefined, explicitId?: string): string | undefined {
  if (explicitId !== undefined && explicitId.trim() !== '') return `id:${explicitId.trim()}`;
  if (name === undefined) return undefined;
  let folded = normalize(name).text.replace(SEPARATORS, '');
  for (const [long, short] of SHORT_FORMS) folded = folded.replace(long, short);
  return folded === '' ? undefined : `name:${folded}`;
}
