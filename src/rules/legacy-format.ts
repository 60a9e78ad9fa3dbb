import { TEMPLATES } from '../catalog/index.js';
import type { FormatVersion, Template } from '../catalog/index.js';
import { defineRule } from './rule.js';

// The formats a reporting year may be written in, newest first; a year is due the newest format
// whose first year it has reached (FORMAT.md §7).
const DATED_FORMATS: readonly Template[] = [TEMPLATES['2021'], TEMPLATES['2019']];

/** The format a report for the given year must use; the current one when the year is unknown or older than both. */
function requiredFormat(year: number | undefined): Template {
  const current = TEMPLATES['2021'];
  if (year === undefined) return current;
  return DATED_FORMATS.find((template) => template.firstYear !== undefined && year >= template.firstYear) ?? TEMPLATES['pre-2019'];
}

// Newer formats rank higher; 'unknown' is not ranked (nothing to say about a format not recognised).
const RANK: Readonly<Partial<Record<FormatVersion, number>>> = { 'pre-2019': 0, '2019': 1, '2021': 2 };

/** A report must use the format its reporting year requires (FORMAT.md §7). */
export const legacyFormat = defineRule({
  meta: {
    id: 'legacy-format',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '报告须采用其报告年度适用的格式：2021 年度起为国办公开办函〔2021〕30号格式，2019、2020 年度为国办公开办函〔2019〕60号格式；年度不明时按现行格式要求。采用 2019 年格式的 2019、2020 年度报告格式正确，按 2019 年格式核对其各表（包括表二）。',
      en: 'The report must use the format its reporting year requires: from 2021 the format of 国办公开办函〔2021〕30号, for 2019 and 2020 that of 国办公开办函〔2019〕60号; with no known year, the current one. A 2019 or 2020 report in the 2019 format is right, and its tables (table 二 included) are checked against the 2019 format.',
    },
    messages: {
      outdated: {
        'zh-CN': '报告采用的是旧格式（{found}），而 {year} 年度报告应采用{required}规定的格式。',
        en: 'The report uses an outdated format ({found}); a report for {year} must follow the format of {required}.',
      },
      // The missing year itself is period-missing's finding: said once, there.
      outdatedNoYear: {
        'zh-CN': '报告采用的是旧格式（{found}）；现行报告应采用{required}规定的格式。',
        en: 'The report uses an outdated format ({found}); current reports must follow the format of {required}.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '2024 年度报告仍用 2019 年格式', en: 'A 2024 report still in the 2019 format' },
          meta: { formatVersion: '2019' },
        },
        {
          summary: { 'zh-CN': '未写年度、采用 2008 年条例时期旧格式的报告', en: 'A report with no year in the pre-2019 style' },
          meta: { formatVersion: 'pre-2019', year: null },
        },
      ],
      passing: [{ summary: { 'zh-CN': '2024 年度报告采用 2021 年格式', en: 'A 2024 report in the 2021 format' } }],
    },
  },
  check(report, context) {
    const found = report.meta.formatVersion;
    const foundRank = RANK[found];
    if (foundRank === undefined) return;
    const year = report.meta.year?.value;
    const required = requiredFormat(year);
    const requiredRank = RANK[required.version] ?? 0;
    const span = report.meta.year?.span ?? report.sections[0]?.headingSpan;
    const where = span ? { span } : {};
    if (foundRank < requiredRank) {
      context.report({
        messageId: year === undefined ? 'outdatedNoYear' : 'outdated',
        args: { found: TEMPLATES[found].source, required: required.source, ...(year !== undefined ? { year } : {}) },
        expected: required.version,
        actual: found,
        ...where,
      });
    }
  },
});
