import { TABLE_KEYS } from '../catalog/index.js';
import { defineRule } from './rule.js';
import { tableOf } from './support/cells.js';

/** Every row and cell of a table the report has must be there: a cell not found is not a 0. */
export const cellMissing = defineRule({
  meta: {
    id: 'cell-missing',
    category: 'cells',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '报告中已有的统计表须包含模板的每一行、每一格：未读到的格不按 0 计。缺少整行时报告一次；行内缺格时每行报告一次，列出缺少的列。表在中途中断时，其后未读到的各行由 value-unplaced 一并报告一次。',
      en: 'A statistics table the report has must contain every row and cell of the template: a cell not found is not a 0. A whole missing row is reported once; missing cells once per row, naming the columns. When a table breaks off early, the rows after the break are reported once, by value-unplaced.',
    },
    messages: {
      rowMissing: {
        'zh-CN': '{table}缺少“{row}”一行。',
        en: '{table} has no row "{row}".',
      },
      cellsMissingFound: {
        'zh-CN': '{table}“{row}”一行只有 {found} 个数值，少于模板的 {width} 格，无法确定各数值属于哪一列；缺少{columns}的数值。',
        en: '{table}, row "{row}": only {found} values for {width} cells, so which column each belongs to cannot be told; no value in {columns}.',
      },
      cellsMissing: {
        'zh-CN': '{table}“{row}”一行缺少{columns}的数值。',
        en: '{table}, row "{row}": no value in {columns}.',
      },
      groupAsOneRow: {
        'zh-CN': '{table}将“{row}”填为一行（2019 年版格式），而现行模板将其分为 {count} 行；已按该组合计核对，请按现行模板分行填写。',
        en: '{table} prints "{row}" as one row (the 2019 format) where the current template has {count} rows; it was checked as the group\'s total. Fill in the current rows.',
      },
      tableNoValues: {
        'zh-CN': '{table}只有行标签，没有读到任何数值（所有单元格空缺）。',
        en: '{table} has its row labels but no value at all (every cell empty).',
      },
      tableEmpty: {
        'zh-CN': '{table}中没有读到任何一行数据。',
        en: 'No row of {table} could be read.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '表三“商业企业”一列的首行数值缺失', en: 'Table 三: the first row lacks its business value' },
          cells: { 'applications.received.business': null },
        },
      ],
      passing: [{ summary: { 'zh-CN': '每个单元格都有数值', en: 'Every cell has a value' } }],
    },
  },
  check(report, context) {
    // Cells whose digits were found run together but could not be cut: value-unplaced reports them, once.
    const reportedAsRun = new Set(report.unplaced.flatMap((value) => (value.cells ?? []).map((cell) => `${value.table}.${cell}`)));
    // Values of a row read short, which the reader could not give columns: counted in this row's one finding.
    const foundInRow = new Map<string, number>();
    for (const value of report.unplaced) {
      if (value.reason !== 'ambiguous' || value.row === undefined || value.cells !== undefined) continue;
      const key = `${value.table}.${value.row}`;
      foundInRow.set(key, (foundInRow.get(key) ?? 0) + 1);
    }
    // Where a table's reading broke off early: value-unplaced reports the rest once, rows included.
    const unreadFrom = new Map<string, string>();
    for (const value of report.unplaced) if (value.table !== undefined && value.rest?.fromRow !== undefined) unreadFrom.set(value.table, value.rest.fromRow);
    for (const tableKey of TABLE_KEYS) {
      const definition = context.template.tables[tableKey];
      const table = tableOf(report, tableKey);
      if (!definition || !table) continue;
      const breakRow = unreadFrom.get(tableKey);
      const breakIndex = breakRow === undefined ? -1 : definition.rows.findIndex((row) => row.key === breakRow);
      const found = definition.rows.filter((row) => table.rows[row.key] != null);
      if (found.length === 0) {
        context.report({ messageId: 'tableEmpty', table: tableKey, ...(table.span ? { span: table.span } : {}) });
        continue;
      }
      // Labels and no value anywhere (a table printed empty): one finding, not one per row.
      if (found.length > 1 && definition.rows.every((row) => Object.values(table.rows[row.key]?.cells ?? {}).every((cell) => cell == null))) {
        const span = found.find((row) => table.rows[row.key]?.labelSpan)?.key;
        const where = (span !== undefined ? table.rows[span]?.labelSpan : undefined) ?? table.span;
        context.report({ messageId: 'tableNoValues', table: tableKey, ...(where ? { span: where } : {}) });
        continue;
      }
      // A group printed as one row under its own key (the 2019 （六）其他处理 in a 2021 table): said once.
      const groupsAsRows = new Set(
        definition.groups.filter((group) => table.rows[group.key] != null && !definition.rows.some((row) => row.key === group.key)).map((group) => group.key),
      );
      for (const group of groupsAsRows) {
        const inGroup = definition.rows.filter((row) => row.group === group);
        if (inGroup.some((row) => table.rows[row.key] != null)) {
          groupsAsRows.delete(group);
          continue;
        }
        const span = table.rows[group]?.labelSpan ?? table.span;
        context.report({ messageId: 'groupAsOneRow', severity: 'warning', args: { row: group, count: String(inGroup.length) }, table: tableKey, row: group, ...(span ? { span } : {}) });
      }
      for (const [rowIndex, row] of definition.rows.entries()) {
        const entry = table.rows[row.key];
        if (!entry && row.group !== undefined && groupsAsRows.has(row.group)) continue;
        if (!entry && breakIndex >= 0 && rowIndex >= breakIndex) continue;
        if (!entry) {
          context.report({ messageId: 'rowMissing', args: { row: row.key }, table: tableKey, row: row.key, ...(table.span ? { span: table.span } : {}) });
          continue;
        }
        // Most rows lack nothing: the list is made at the first cell missing.
        let missing: string[] | undefined;
        // The row's cells are read once, not again for each of its columns (the loop runs for every
        // cell of every table).
        const cells = entry.cells as Partial<Record<string, unknown>> | undefined;
        const columns = row.columns;
        for (let index = 0; index < columns.length; index++) {
          const key = (columns[index] as (typeof columns)[number]).key;
          if (cells?.[key] == null && !reportedAsRun.has(`${tableKey}.${row.key}.${key}`)) (missing ??= []).push(key);
        }
        if (missing === undefined) continue;
        // Where the row was read: its label, or (label lost in extraction) its first value read.
        const firstRead = Object.values(entry.cells ?? {}).find((cell) => cell?.span !== undefined)?.span;
        const span = entry.labelSpan ?? firstRead ?? table.span;
        const counted = foundInRow.get(`${tableKey}.${row.key}`);
        // "Only N values" holds for a row read short; values that could not be given columns for another reason are not fewer.
        const found = counted !== undefined && counted < row.columns.length ? counted : undefined;
        context.report({
          messageId: found !== undefined ? 'cellsMissingFound' : 'cellsMissing',
          args: { row: row.key, columns: missing.join(','), ...(found !== undefined ? { found: String(found), width: String(row.columns.length) } : {}) },
          table: tableKey,
          row: row.key,
          ...(missing.length === 1 ? { column: missing[0] as string } : {}),
          ...(span ? { span } : {}),
        });
      }
    }
  },
});
