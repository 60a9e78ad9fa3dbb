import { TABLE_KEYS } from '../../catalog/index.js';
import type { TableKey, Template } from '../../catalog/index.js';
import type { AnnualReport, Figure } from '../../model/index.js';
import { sectionOfTable } from './sections.js';

/**
 * The tables the report's format asks for that it gives as pictures: the table is absent, and the
 * section it belongs in holds an image — each with the first such image. What `table-as-image`
 * reports and `table-missing` leaves to it.
 */
export function tablesShownAsImages(report: AnnualReport, template: Template): Map<TableKey, Figure> {
  const shown = new Map<TableKey, Figure>();
  const figures = report.figures;
  if (figures === undefined || figures.length === 0) return shown;
  for (const table of TABLE_KEYS) {
    if (!template.tables[table] || report.tables[table]) continue;
    const section = sectionOfTable(table);
    const figure = section !== undefined ? figures.find((candidate) => candidate.section === section) : undefined;
    if (figure !== undefined) shown.set(table, figure);
  }
  return shown;
}
