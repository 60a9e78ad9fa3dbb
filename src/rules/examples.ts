import type { FormatVersion, TableKey } from '../catalog/index.js';
import { createReport, setCell } from '../model/index.js';
import type { CellAddress } from '../model/index.js';
import type { AnnualReport, AnyTable, Cell } from '../model/index.js';
import type { ExampleCellValue, ExampleMeta, PreviousExample, RuleExample } from './rule.js';

/**
 * The balanced sample report rule examples start from: a 2024 report in the 2021 format, 4 new
 * applications from natural persons, 2 disclosed, 1 not held, 1 carried forward, 1 review pending;
 * its text states the 4 applications and that no processing fee was collected.
 * Built in another format when asked (same cells, the tables and rows of that format).
 */
export function sampleReport(formatVersion: FormatVersion = '2021'): AnnualReport {
  const report = createReport({ year: 2024, agency: '示例县人民政府办公室', formatVersion });
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
  for (const [address, value] of Object.entries(cells)) setCell(report, address as CellAddress, value);
  report.facts = [
    { kind: 'applicationsReceived', value: 4, text: '共受理政府信息公开申请4件' },
    { kind: 'processingFeeCollected', value: false, text: '本年度未收取信息处理费' },
  ];
  return report;
}

// Blank and invalid cells cannot be set through setCell (it builds counts and amounts), so they are
// written here, addressed the same way: `table.row.column`, the row key possibly dotted.
function putCell(report: AnnualReport, address: string, value: ExampleCellValue): void {
  if (value === null || typeof value === 'number' || typeof value === 'string') {
    setCell(report, address as CellAddress, value);
    return;
  }
  const [table, ...rest] = address.split('.');
  const column = rest.pop();
  const row = rest.join('.');
  const target = report.tables[table as TableKey] as AnyTable | undefined;
  if (!target || !column || !row) return;
  const rows = target.rows as Record<string, { cells: Record<string, Cell | undefined> }>;
  const entry = (rows[row] ??= { cells: {} });
  entry.cells[column] = 'blank' in value ? { kind: 'blank', text: value.blank } : { kind: 'invalid', text: value.invalid };
}

/** The report a structured (non-text) example describes: the sample with the example's changes. */
export function exampleReport(example: RuleExample): AnnualReport {
  const report = sampleReport(example.meta?.formatVersion);
  if (example.blankTables) {
    for (const table of Object.values(report.tables) as (AnyTable | undefined)[]) {
      for (const row of Object.values(table?.rows ?? {})) {
        const cells = (row?.cells ?? {}) as Record<string, Cell>;
        for (const column of Object.keys(cells)) cells[column] = { kind: 'blank', text: '' };
      }
    }
  }
  for (const [address, value] of Object.entries(example.cells ?? {})) putCell(report, address, value);
  if (example.sections) {
    const byKey = new Map(report.sections.map((section) => [section.key, section]));
    report.sections = example.sections.flatMap((key) => {
      const section = byKey.get(key);
      return section ? [section] : [];
    });
  }
  const dropSections = new Set(example.dropSections ?? []);
  report.sections = report.sections.filter((section) => !dropSections.has(section.key));
  for (const table of example.dropTables ?? []) delete report.tables[table];
  if (example.facts) report.facts = [...example.facts];
  if (example.unplaced) report.unplaced = [...example.unplaced];
  if (example.figures) report.figures = example.figures.map((figure) => (figure.section !== undefined ? { section: figure.section } : {}));
  if (example.problems) report.problems = example.problems.map(({ code, message }) => ({ code, message }));
  applyMeta(report, example.meta);
  return report;
}

function applyMeta(report: AnnualReport, meta: ExampleMeta | undefined): void {
  if (meta?.year === null) delete report.meta.year;
  else if (meta?.year !== undefined) report.meta.year = { value: meta.year };
  if (meta?.period) report.meta.period = { ...meta.period };
  if (meta?.publishedOn === null) delete report.meta.publishedOn;
  else if (meta?.publishedOn !== undefined) report.meta.publishedOn = { value: meta.publishedOn };
  if (meta?.agency === null) delete report.meta.agency;
  else if (meta?.agency !== undefined) report.meta.agency = { value: meta.agency };
}

/**
 * The sample report of the year before, for the examples of series rules: the sample for 2023 with
 * 3 new applications and none carried forward (so that the sample's nothing carried over matches),
 * and no review pending. Balanced, like the sample.
 */
export function previousSampleReport(): AnnualReport {
  const report = sampleReport();
  report.meta.year = { value: 2023 };
  const cells: Record<string, number> = {
    'applications.received.naturalPerson': 3,
    'applications.received.total': 3,
    'applications.carriedForward.naturalPerson': 0,
    'applications.carriedForward.total': 0,
    'reviews.review.pending': 0,
    'reviews.review.total': 0,
  };
  for (const [address, value] of Object.entries(cells)) setCell(report, address, value);
  report.facts = [
    { kind: 'applicationsReceived', value: 3, text: '共受理政府信息公开申请3件' },
    { kind: 'processingFeeCollected', value: false, text: '本年度未收取信息处理费' },
  ];
  return report;
}

/** Last year's report a structured example of a series rule describes: {@link previousSampleReport} with its changes. */
export function examplePrevious(previous: PreviousExample | undefined): AnnualReport {
  const report = previousSampleReport();
  for (const [address, value] of Object.entries(previous?.cells ?? {})) putCell(report, address, value);
  applyMeta(report, previous?.meta);
  return report;
}
