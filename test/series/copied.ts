import { fixtureText } from '../support/fixtures.js';

/** The title of Pingtan's 2021 report, as its page and its body write it. */
export const TITLE_2021 = '平潭综合实验区2021年度政府信息公开工作年度报告';

/**
 * Pingtan's 2021 report (corpus 004) copied as its 2022 report with only the year of its title
 * changed — the known case of last year's report reused.
 */
export function copiedWithTitleChanged(): string {
  return fixtureText('corpus/004.txt').replaceAll(TITLE_2021, TITLE_2021.replace('2021', '2022'));
}
