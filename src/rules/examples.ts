import type { TableKey } from '../catalog/index.js';
import { createReport, setCell } from '../model/index.js';
import type { AnnualReport } from '../model/index.js';
import type { RuleExample } from './rule.js';

/**
 * The balanced sample report rule examples start from: a 2024 report in the 2021 format, 4 new
 * applications from natural persons, 2 disclosed, 1 not held, 1 carried forward, 1 review pending.
 */
export function sampleReport(): AnnualReport {
  const report = createReport({ year: 2024, agency: '示例县人民政府办公室' });
  const cells: Record<string, number> = {
    'applications.received.naturalPerson': 4,
    'applications.received.total': 4,
    'applications.granted.naturalPerson': 2,
    'applications.granted.total': 2,
    'applications.unableToProvide.notHeld.naturalPerson': 1,
    'applications.unableToProvide.notHeld.total': 1,
    'applications.concludedTotal.naturalPerson': 3,
    'applications.concludedTotal.total': 3,
    'applications.carriedForward.naturalPerson': 1,
    'applications.carriedForward.total': 1,
    'reviews.review.pending': 1,
    'reviews.review.total': 1,
  };
  for (const [address, value] of Object.entries(cells)) setCell(report, address, value);
  return report;
}

/** The report a structured (non-text) example describes: the sample with the example's changes. */
export function exampleReport(example: RuleExample): AnnualReport {
  const report = sampleReport();
  for (const [address, value] of Object.entries(example.cells ?? {})) setCell(report, address, value);
  const dropSections = new Set(example.dropSections ?? []);
  report.sections = report.sections.filter((section) => !dropSections.has(section.key));
  for (const table of example.dropTables ?? []) delete report.tables[table as TableKey];
  return report;
}
