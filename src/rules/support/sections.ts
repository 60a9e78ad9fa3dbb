import { TABLE_SECTIONS } from '../../catalog/index.js';
import type { SectionKey, TableKey } from '../../catalog/index.js';
import type { AnnualReport, Section } from '../../model/index.js';

/** The section a table belongs to in the template (the section with the table's ordinal). */
export function sectionOfTable(table: TableKey): SectionKey | undefined {
  return TABLE_SECTIONS[table];
}

/** The first section of a report with the given key, if the reader found one. */
export function findSection(report: AnnualReport, key: SectionKey): Section | undefined {
  return report.sections.find((section) => section.key === key);
}
