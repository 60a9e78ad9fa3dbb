import type { Template } from '../../catalog/index.js';
import type { AnnualReport, AnyTable, Cell } from '../../model/index.js';

/**
 * Whether the document could not be read (a scan, an encrypted or damaged file, an old Word
 * format): its front-end recorded a problem. The rules that would report every section and table
 * as missing stay silent then — the document's problem is reported once, by its own rule.
 */
export function documentUnread(report: AnnualReport): boolean {
  return (report.problems?.length ?? 0) > 0;
}

const holdsValue = (cell: Cell | undefined): boolean => cell !== undefined && cell.kind !== 'blank';

/**
 * Whether the report has every statistics table of its template and not one value in any of them:
 * a blank template (every cell empty or a blank mark), reported once by `tables-empty` instead of a
 * finding per row.
 */
export function tablesEmpty(report: AnnualReport, template: Template): boolean {
  const keys = Object.keys(template.tables) as (keyof AnnualReport['tables'])[];
  if (keys.length === 0) return false;
  for (const key of keys) {
    const table = report.tables[key] as AnyTable | undefined;
    if (!table || Object.keys(table.rows).length === 0) return false;
    for (const row of Object.values(table.rows)) {
      if (!row) continue;
      // A row a lenient loader built may have no cells at all.
      for (const cell of Object.values((row.cells ?? {}) as Partial<Record<string, Cell>>)) if (holdsValue(cell)) return false;
    }
  }
  return report.unplaced.length === 0;
}
