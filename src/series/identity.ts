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
 * renamed) wins over the name. Undefined when there is neither (or what is given is not a string).
 * Names that differ only by a leading administrative division are two identities that
 * {@link sameAgency} takes for one.
 */
export function agencyIdentity(name: string | undefined, explicitId?: string): string | undefined {
  if (typeof explicitId === 'string' && explicitId.trim() !== '') return `id:${explicitId.trim()}`;
  if (typeof name !== 'string') return undefined;
  let folded = normalize(name).text.replace(SEPARATORS, '');
  for (const [long, short] of SHORT_FORMS) folded = folded.replace(long, short);
  return folded === '' ? undefined : `name:${folded}`;
}

// One administrative division above the agency's own, as a name may lead with it: a province,
// autonomous region, prefecture-level city, autonomous prefecture, league or prefecture (江苏省,
// 淮安市, 内蒙古自治区, 锡林郭勒盟). Names are short (bounded by the caller), the quantifier bounded.
const DIVISION = /^\p{Script=Han}{2,8}?(?:特别行政区|自治区|自治州|地区|省|市|州|盟)/u;
// A name specific enough to stand for one agency without the divisions above it: it starts with a
// place of two characters or more and its level (洪泽区, 西畴县, 平潭综合实验区…) — not "政府" or
// "市政府" alone, and not a department named without its place ("公安局").
const PLACE = /^\p{Script=Han}{2,8}?(?:自治县|自治旗|实验区|新区|林区|特区|区|县|市|旗|镇|乡|街道|州|盟)/u;
// Longest name compared for a leading division: an agency's name, not a paragraph.
const MAX_NAME_LENGTH = 64;

/** Whether a text is one or more administrative divisions, whole (江苏省淮安市). */
function isDivisions(text: string): boolean {
  let rest = text;
  while (rest !== '') {
    const division = DIVISION.exec(rest);
    if (!division) return false;
    rest = rest.slice(division[0].length);
  }
  return true;
}

/**
 * Whether two agency identities (of {@link agencyIdentity}) are one agency: equal, or equal but for
 * the administrative divisions one of the names leads with — "淮安市洪泽区人民政府" and
 * "洪泽区人民政府", "江苏省淮安市人民政府" and "淮安市人民政府" — when the shorter name is itself
 * specific (it starts with its own place: "人民政府" or "公安局" alone pair with nothing). Explicit
 * ids are compared as given. False when either is unknown.
 */
export function sameAgency(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (a === b) return true;
  if (!a.startsWith('name:') || !b.startsWith('name:')) return false;
  const [shorter, longer] = a.length <= b.length ? [a.slice(5), b.slice(5)] : [b.slice(5), a.slice(5)];
  if (longer.length > MAX_NAME_LENGTH || !longer.endsWith(shorter) || !PLACE.test(shorter)) return false;
  return isDivisions(longer.slice(0, longer.length - shorter.length));
}
