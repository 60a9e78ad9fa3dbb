import { TABLE_DEFINITIONS, TABLE_KEYS } from '../catalog/index.js';
import type { TableKey, Unit } from '../catalog/index.js';
import { findRow } from '../diagnostics/index.js';
import type { AnyTable, Cell } from '../model/index.js';
import { defineRule } from './rule.js';
import { cellText, tableOf } from './support/cells.js';

/** The unit of a cell by the catalog (a column key means one thing in every format): a count unless the catalog says otherwise. */
function unitOf(table: TableKey, column: string): Unit {
  for (const definition of TABLE_DEFINITIONS[table]) {
    for (const row of definition.rows) {
      const found = row.columns.find((candidate) => candidate.key === column);
      if (found) return found.unit;
    }
  }
  return 'count';
}

/** The template's keys present in `record`, then the record's other keys: without building sets when they agree. */
function orderedKeys(template: readonly string[], record: Readonly<Record<string, unknown>>): readonly string[] {
  const present = template.filter((key) => record[key] !== undefined);
  const all = Object.keys(record);
  if (all.length === present.length) return present;
  const known = new Set(present);
  return [...present, ...all.filter((key) => !known.has(key))];
}

/**
 * Whether any cell of the table may be invalid: one quick pass over the cells as stored, so that a
 * table of plain counts (most of them) is not walked in template order with its catalog lookups. A
 * cell valid in a count column is valid in every column.
 */
function mayHoldInvalid(table: AnyTable): boolean {
  for (const row of Object.values(table.rows)) {
    for (const cell of Object.values(row?.cells ?? {})) if (cell && isInvalid(cell, 'count')) return true;
  }
  return false;
}

/** Whether a cell holds no valid value for its unit (a blank is not invalid: it holds no value). */
function isInvalid(cell: Cell, unit: Unit): boolean {
  switch (cell.kind) {
    case 'invalid':
      return true;
    case 'blank':
      return false;
    case 'count':
      // The schema forbids these, but a report built in code or loaded without validation may hold them.
      return !Number.isSafeInteger(cell.value) || cell.value < 0;
    case 'signed':
      // A change may be negative, but it is a whole number; and only a 本年增/减 column holds one.
      return !Number.isSafeInteger(cell.value) || (unit !== 'signedCount' && cell.value < 0);
    case 'amount':
      return cell.value.isNegative() || cell.value.isNaN() || (unit === 'count' && !cell.value.isInteger());
  }
}

/** Every number in a table must be valid for its column: counts non-negative integers, the fee a non-negative decimal. */
export const countInvalid = defineRule({
  meta: {
    id: 'count-invalid',
    category: 'cells',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '统计表中的件数须为非负整数，2019 年格式表二的“本年增/减”须为整数（可为负，“减4”即 −4），行政事业性收费金额、政府集中采购总金额须为非负数（可有小数）。带文字或单位的数值（如“251000元”）、小数件数（如“2821.5”）和负数都报告，并指向原文位置。',
      en: 'Counts in the tables must be non-negative whole numbers, the change columns (本年增/减) of the 2019 table 二 whole numbers (negative allowed: "减4" is −4), and the administrative fee and the procurement amount non-negative decimals. Values with words or units ("251000元"), fractional counts ("2821.5") and negative numbers are reported where they were written.',
    },
    messages: {
      invalidCount: {
        'zh-CN': '{table}“{row}”的“{column}”应为非负整数，实际为“{value}”。',
        en: '{table}, row "{row}", column "{column}" must be a non-negative whole number; it holds "{value}".',
      },
      invalidChange: {
        'zh-CN': '{table}“{row}”的“{column}”应为整数（减少的写负数或“减N”），实际为“{value}”。',
        en: '{table}, row "{row}", column "{column}" must be a whole number (a decrease negative, or written "减N"); it holds "{value}".',
      },
      invalidAmount: {
        'zh-CN': '{table}“{row}”的“{column}”应为非负的金额数字，实际为“{value}”。',
        en: '{table}, row "{row}", column "{column}" must be a non-negative amount; it holds "{value}".',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '件数写成小数“2821.5”', en: 'A count written "2821.5"' },
          cells: { 'activeDisclosure.licensing.decisions': { invalid: '2821.5' } },
        },
        {
          summary: { 'zh-CN': '收费金额带单位“251000元”', en: 'The fee written with its unit, "251000元"' },
          cells: { 'activeDisclosure.fees.amountWanYuan': { invalid: '251000元' } },
        },
      ],
      passing: [
        {
          summary: { 'zh-CN': '收费金额为小数 779.508355', en: 'A decimal fee amount, 779.508355' },
          cells: { 'activeDisclosure.fees.amountWanYuan': '779.508355' },
        },
      ],
    },
  },
  check(report, context) {
    for (const tableKey of TABLE_KEYS) {
      const table = tableOf(report, tableKey);
      if (!table || !mayHoldInvalid(table)) continue;
      // Every cell found is judged, in template order first, then any row or column the template lacks.
      // Most cells are valid: only a cell that is invalid is looked up in the catalog.
      const templateRows = (context.template.tables[tableKey]?.rows ?? []).map((row) => row.key);
      const rowKeys = orderedKeys(templateRows, table.rows);
      for (const rowKey of rowKeys) {
        const cells = (table.rows[rowKey]?.cells ?? {}) as Partial<Record<string, Cell>>;
        const templateColumns = (findRow(tableKey, rowKey, context.template.version)?.columns ?? []).map((column) => column.key);
        const columnKeys = orderedKeys(templateColumns, cells);
        for (const columnKey of columnKeys) {
          const cell = cells[columnKey];
          if (!cell) continue;
          // Valid even as a count: no need to look its unit up.
          if (!isInvalid(cell, 'count')) continue;
          const unit = unitOf(tableKey, columnKey);
          if (!isInvalid(cell, unit)) continue;
          context.report({
            messageId: unit === 'wanYuan' || unit === 'amount' ? 'invalidAmount' : unit === 'signedCount' ? 'invalidChange' : 'invalidCount',
            args: { row: rowKey, column: columnKey, value: cellText(cell) ?? '' },
            table: tableKey,
            row: rowKey,
            column: columnKey,
            ...(cell.span ? { span: cell.span } : {}),
          });
        }
      }
    }
  },
});
