import { normalize } from '../read/source.js';

/**
 * The kind of agency, as far as 《政府信息公开条例》 第四十九条 sets its report's deadline:
 * `government` — a 县级以上地方人民政府 (its own 本级政府 report, due 31 March); `department` — a
 * 县级以上人民政府部门 (due 31 January); `township` — a 乡镇人民政府 or 街道办事处 (no date in the
 * article); `unknown` — a name that says none of these.
 */
export type AgencyKind = 'government' | 'department' | 'township' | 'unknown';

// The levels at or above the county whose government the name ends with ("淮安市洪泽区人民政府").
const COUNTY_OR_ABOVE = '(?:省|自治区|市|自治州|州|盟|县|自治县|旗|自治旗|区|特别行政区)';
const GOVERNMENT = new RegExp(`${COUNTY_OR_ABOVE}(?:人民)?政府$`, 'u');
// A township or a sub-district office, wherever in the name: its departments are no 县级以上 部门 either.
const TOWNSHIP = /(?:乡|镇|街道|苏木)(?:人民)?(?:政府|办事处)|街道办|(?:乡|镇)$/u;
// A department's name ends with its kind of body, after a place at or above the county, or is a
// body of the State Council ("国家统计局").
const DEPARTMENT_BODY = '(?:局|厅|委员会|委|办公室|办公厅|署|办|总局|部)';
// redos-bound: the place and the body are at most 64 characters apart (an agency's name); worst case in test/hardening/redos-bounds.test.ts
const DEPARTMENT = new RegExp(`${COUNTY_OR_ABOVE}.{0,64}${DEPARTMENT_BODY}$`, 'u');
const STATE_COUNCIL_BODY = new RegExp(`^(?:中华人民共和国|国家|国务院)\\S*${DEPARTMENT_BODY}$`, 'u');
// Courts and procuratorates are no administrative agencies; a 中心 or 院 is an institution; the
// bodies of a 管委会 (a development zone's committee) are no 人民政府部门 in the article's sense.
const NOT_AN_ADMINISTRATION = /(?:法院|检察院|中心|院|公司|学校|医院)$|管委会|管理委员会/u;

/**
 * The kind of agency its name says (see {@link AgencyKind}); `unknown` rather than a guess: a name
 * that ends with none of the forms above (a 管委会, an abbreviation, a name cut short) says nothing.
 */
export function agencyKind(name: string | undefined): AgencyKind {
  if (name === undefined) return 'unknown';
  const folded = normalize(name).text.replace(/\s+/g, '');
  if (folded === '' || NOT_AN_ADMINISTRATION.test(folded)) return 'unknown';
  if (TOWNSHIP.test(folded)) return 'township';
  if (GOVERNMENT.test(folded)) return 'government';
  if (DEPARTMENT.test(folded) || STATE_COUNCIL_BODY.test(folded)) return 'department';
  return 'unknown';
}

/** The first year reported under the revised 条例 (in force 15 May 2019; its first reports covered 2019). */
export const REVISED_REGULATION_FIRST_YEAR = 2019;

/**
 * The last day, ISO `YYYY-MM-DD`, on which a report for `year` may be published: under the revised
 * 条例 (第四十九条) 31 January of the next year for a department, 31 March for a government's own
 * report; for years before 2019, 31 March for every agency (2008 条例 第三十一条). Undefined when the
 * article sets no date for the kind (a township) or the kind is unknown.
 */
export function publicationDeadline(year: number, kind: AgencyKind): string | undefined {
  if (kind === 'unknown') return undefined;
  const next = String(year + 1).padStart(4, '0');
  if (year < REVISED_REGULATION_FIRST_YEAR) return `${next}-03-31`;
  if (kind === 'department') return `${next}-01-31`;
  if (kind === 'government') return `${next}-03-31`;
  return undefined;
}
