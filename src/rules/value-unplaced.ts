import { TABLE_KEYS } from '../catalog/index.js';
import type { Template } from '../catalog/index.js';
import type { AnnualReport, Span, UnplacedValue } from '../model/index.js';
import { defineRule } from './rule.js';
import { tableOf } from './support/cells.js';

/** A value of a row read short (fewer values than cells, or under another format's header): no cut, no readings. */
const isShortRowValue = (value: UnplacedValue): boolean => value.reason === 'ambiguous' && value.row !== undefined && value.cells === undefined;

/** Whether the row of a short-row value lacks cells (so that cell-missing reports it, with the values found). */
function rowLacksCells(report: AnnualReport, template: Template, value: UnplacedValue): boolean {
  const definition = value.table ? template.tables[value.table]?.rows.find((row) => row.key === value.row) : undefined;
  const table = value.table ? tableOf(report, value.table) : undefined;
  if (!definition || !table) return false;
  const cells = table.rows[definition.key]?.cells;
  return definition.columns.some((column) => cells?.[column.key] == null);
}

/** Whether two unplaced values (the second following the first) belong to one run reported once. */
const sameRun = (first: UnplacedValue, next: UnplacedValue): boolean =>
  first.table !== undefined &&
  first.rest === undefined &&
  next.rest === undefined &&
  (first.reason === 'unknown-row' || first.reason === 'extra-value') &&
  next.reason === first.reason &&
  next.table === first.table &&
  next.row === first.row;

// How much of an unplaced value's text a message quotes: a hostile one can be thousands of characters
// ("3.53.53.5…"); the span still points at all of it.
const QUOTED = 32;
const quoted = (text: string): string => (text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text);

/** The message for an unplaced value: by its reason, and by how much of its place is known. */
function messageIdOf(value: UnplacedValue): string {
  if (value.table === undefined) return 'outsideTable';
  if (value.rest?.fromRow !== undefined) return 'restUnread';
  if (value.reason === 'unknown-row') return 'unknownRow';
  if (value.reason === 'unsplittable') return 'runTogetherNoReading';
  if (value.readings !== undefined) return 'runTogetherReadings';
  const inRow = value.row !== undefined ? 'InRow' : '';
  return value.reason === 'extra-value' ? `extraValue${inRow}` : `ambiguous${inRow}`;
}

/** Every number inside a table region that the reader could not place in a cell is reported. */
export const valueUnplaced = defineRule({
  meta: {
    id: 'value-unplaced',
    category: 'cells',
    defaultSeverity: 'error',
    description: {
      'zh-CN':
        '表格中的每个数字都须放入模板的某个单元格。读取时无法放入的数字（一行中多出的数值、无法识别的行中的数值、位置不明确的数值）逐个报告，绝不悄悄丢弃。',
      en: 'Every number in a table must go into a cell of the template. A number the reader could not place (an extra value in a row, a value in a row it could not recognise, a value whose place is ambiguous) is reported, never silently dropped.',
    },
    messages: {
      extraValueInRow: {
        'zh-CN': '{table}“{row}”一行多出数值“{text}”，无法对应到任何一列。',
        en: '{table}, row "{row}": the extra value "{text}" fits no column.',
      },
      extraValue: {
        'zh-CN': '{table}中多出数值“{text}”，无法放入任何单元格。',
        en: '{table} has an extra value "{text}" that fits no cell.',
      },
      unknownRow: {
        'zh-CN': '{table}中的数值“{text}”所在的行无法识别，未能放入单元格。',
        en: 'In {table}, the value "{text}" stands in a row that could not be recognised; it was not placed.',
      },
      ambiguousInRow: {
        'zh-CN': '{table}“{row}”一行中的数值“{text}”无法确定属于哪一列。',
        en: '{table}, row "{row}": it is unclear which column the value "{text}" belongs to.',
      },
      ambiguous: {
        'zh-CN': '{table}中的数值“{text}”无法确定属于哪个单元格。',
        en: 'In {table}, it is unclear which cell the value "{text}" belongs to.',
      },
      restUnread: {
        'zh-CN': '{table}在“{row}”一行之前中断（表中插入了标题或正文）：其后的 {count} 个数值（自“{text}”起）未能放入单元格，此后各行未逐一核对。',
        en: '{table} breaks off before row "{row}" (a heading or narrative inside the table): the {count} values after it (from "{text}") fit no cell, and the rows from there on were not checked one by one.',
      },
      extraValueInRowMany: {
        'zh-CN': '{table}“{row}”一行多出 {count} 个数值（自“{text}”起），无法对应到任何一列。',
        en: '{table}, row "{row}": {count} extra values (from "{text}") fit no column.',
      },
      extraValueMany: {
        'zh-CN': '{table}中多出 {count} 个数值（自“{text}”起），无法放入任何单元格。',
        en: '{table} has {count} extra values (from "{text}") that fit no cell.',
      },
      unknownRowMany: {
        'zh-CN': '{table}中有连续 {count} 个数值（自“{text}”起）所在的行无法识别（行标签缺失），未能放入单元格。',
        en: 'In {table}, {count} values in a row (from "{text}") stand in rows that could not be recognised (their labels are lost); they were not placed.',
      },
      runTogetherReadings: {
        'zh-CN': '{table}“{row}”一行的数字连在一起（“{text}”），按表中的勾稽关系仍有多种拆分：{readings}，无法确定各格数值。',
        en: '{table}, row "{row}": the digits run together ("{text}") and the table\'s sums still allow several readings: {readings}; the cells cannot be decided.',
      },
      runTogetherNoReading: {
        'zh-CN': '{table}“{row}”一行的数字连在一起（“{text}”），没有任何拆分符合表中的总计与勾稽关系，无法确定各格数值。',
        en: '{table}, row "{row}": the digits run together ("{text}") and no reading fits the table\'s totals and balances; the cells cannot be decided.',
      },
      valuesInferred: {
        'zh-CN': '{table}中有 {count} 行的数字连在一起，已按表中的总计、勾稽关系及正文所述数量拆分（唯一符合的读法），请核对原表。',
        en: '{table}: the digits of {count} rows ran together; they were cut by the table\'s totals and balances and the counts the text states (the only reading that fits). Check against the original table.',
      },
      outsideTable: {
        'zh-CN': '表格中的数值“{text}”未能放入任何单元格。',
        en: 'The value "{text}" in a table could not be placed in any cell.',
      },
      outsideTableMany: {
        'zh-CN': '表格之外有一行只有 {count} 个数值（自“{text}”起），像是表格的一行，未能放入任何单元格。',
        en: 'A line outside the tables holds nothing but {count} values (from "{text}"), as a table\'s row does; they were not placed in any cell.',
      },
    },
    examples: {
      failing: [
        {
          summary: { 'zh-CN': '表三首行多出第 8 个数值', en: 'Table 三: an 8th value in the first row' },
          unplaced: [{ text: '4', table: 'applications', row: 'received', reason: 'extra-value' }],
        },
      ],
      passing: [{ summary: { 'zh-CN': '所有数字都已放入单元格', en: 'Every number placed' } }],
    },
  },
  check(report, context) {
    for (const tableKey of TABLE_KEYS) {
      const table = tableOf(report, tableKey);
      if (!table || !context.template.tables[tableKey]) continue;
      // Counted in one pass, without a list of the rows: most tables have none.
      let inferred = 0;
      let labelSpan: Span | undefined;
      for (const row of Object.values(table.rows)) {
        if (!row?.valuesInferred) continue;
        inferred++;
        if (labelSpan === undefined && row.labelSpan) labelSpan = row.labelSpan;
      }
      if (inferred === 0) continue;
      const span = labelSpan ?? table.span;
      context.report({ messageId: 'valuesInferred', severity: 'info', args: { count: String(inferred) }, table: tableKey, ...(span ? { span } : {}) });
    }
    // Values of a row the rule cell-missing reports (a row with fewer values than cells) are said there, once.
    const shortRows = new Set(
      report.unplaced.filter((value) => isShortRowValue(value)).map((value) => `${value.table}.${value.row}`),
    );
    const unplaced = report.unplaced;
    for (let index = 0; index < unplaced.length; index++) {
      const value = unplaced[index] as UnplacedValue;
      if (isShortRowValue(value) && shortRows.has(`${value.table}.${value.row}`) && rowLacksCells(report, context.template, value)) continue;
      // One run of values that could not be placed (a row whose label was lost) is one finding.
      let count = 1;
      while (index + count < unplaced.length && sameRun(value, unplaced[index + count] as UnplacedValue)) count++;
      index += count - 1;
      // The rest of a table its reading did not reach: one entry for all its values, said with their count.
      const rest = value.rest;
      if (rest !== undefined) count = rest.count;
      const row = rest?.fromRow ?? (value.table !== undefined && value.reason !== 'unknown-row' ? value.row : undefined);
      const readings = value.readings?.map((reading) => reading.join('/')).join('；');
      const single = messageIdOf(value);
      const messageId = single === 'restUnread' ? single : count > 1 ? `${single}Many` : single;
      context.report({
        messageId,
        // Several readings are the text's ambiguity (a crawler ran the cells together), not a fault of the
        // report; a line of values in the narrative may be a table of the report's own, not the template's.
        ...(messageId === 'runTogetherReadings' || messageId === 'outsideTableMany' ? { severity: 'warning' as const } : {}),
        args: {
          text: quoted(value.text),
          ...(row !== undefined ? { row } : {}),
          ...(readings !== undefined ? { readings } : {}),
          ...(count > 1 || rest !== undefined ? { count: String(count) } : {}),
        },
        ...(value.table !== undefined ? { table: value.table } : {}),
        ...(row !== undefined ? { row } : {}),
        ...(value.span ? { span: value.span } : {}),
      });
    }
  },
});
