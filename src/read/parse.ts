import type { AnnualReport } from '../model/index.js';
import { compactOf } from './compact.js';
import { readCompleteness } from './completeness.js';
import { readFacts } from './facts.js';
import { readMeta } from './meta.js';
import { findSections, toReportSections } from './sections.js';
import { normalize } from './source.js';
import { readTables } from './tables/index.js';
import { settleByNarrative } from './tables/settle.js';

const completenessOf = <T>(completeness: T | undefined): { completeness?: T } => (completeness !== undefined ? { completeness } : {});

/**
 * Reads a report's text (any of the published layouts) into the typed report. Never throws: what
 * cannot be read is recorded in the report (absent cells, unplaced values) for the rules to report.
 *
 * Stages: normalize (with the map back to the original) → sections (and where the report ends) →
 * metadata and format version → tables (placed by the catalog of that format) → narrative facts.
 * Every span in the result points into `text` as given.
 *
 * @example
 * ```ts
 * const report = parseReport(text);
 * report.meta.year?.value; // 2024
 * report.sections.map((section) => section.key); // ['overview', 'activeDisclosure', …]
 * ```
 */
export function parseReport(text: string): AnnualReport {
  const source = normalize(text);
  const structure = findSections(source);
  // Metadata and facts both read the report without its whitespace: made once, given to both.
  const compact = compactOf(source, structure.reportEnd);
  const meta = readMeta(source, structure, compact);
  const tableReading = readTables(source, { formatVersion: meta.formatVersion, sections: structure.sections.map(({ key, start, end }) => ({ key, start, end })) });
  const facts = readFacts(source, structure, {
    ...(meta.year !== undefined ? { year: meta.year.value } : {}),
    ...(meta.agency !== undefined ? { agency: meta.agency.value } : {}),
  }, compact);
  // Digits run together that the tables' sums leave open may be decided by a count the narrative states.
  const reading = settleByNarrative(source, tableReading, facts, meta.formatVersion);
  return {
    meta,
    sections: toReportSections(source, structure),
    tables: reading.tables,
    facts,
    unplaced: reading.unplaced,
    ...completenessOf(readCompleteness(source, structure, meta.formatVersion, reading.tables, meta)),
    ...(reading.failure !== undefined ? { readerFailures: [{ stage: 'tables', message: reading.failure }] } : {}),
  };
}
