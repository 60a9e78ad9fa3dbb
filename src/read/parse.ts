import type { AnnualReport } from '../model/index.js';
import { normalize } from './source.js';

/**
 * Reads a report's text (any of the published layouts) into the typed report. Never throws: what
 * cannot be read is recorded in the report (absent cells, unplaced values) for the rules to report.
 */
export function parseReport(text: string): AnnualReport {
  // Placeholder until the section, table and fact readers land: a report with nothing found.
  normalize(text);
  return { meta: { formatVersion: 'unknown' }, sections: [], tables: {}, facts: [], unplaced: [] };
}
