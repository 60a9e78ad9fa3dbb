/**
 * How the template prints its three tables: the header cells that span several columns or rows
 * (申请人情况, 法人或其他组织, 行政诉讼 …) and which row groups sit inside others. Only what
 * `tables.ts` does not already say; renderers (the HTML report) draw the official layout from both.
 *
 * @packageDocumentation
 */
import type { TableKey } from './tables.js';

/** A header label printed in the template but naming no row or column of its own. */
export interface HeaderLabel {
  /** Chinese, as the template prints it. */
  readonly label: string;
  /** English. */
  readonly labelEn: string;
}

/** A header cell spanning several columns (e.g. 法人或其他组织 over five applicant columns). */
export interface ColumnGroupLayout extends HeaderLabel {
  /** The column keys it spans, in printed order. */
  readonly columns: readonly string[];
}

/**
 * The printed shape of one table:
 * - `blocks` (table 二): each row group is a block with its own heading line and column header;
 * - `rows` (table 三): one header over all rows, row groups as cells spanning their rows;
 * - `transposed` (table 四): the catalog's rows are printed side by side as column groups, one line of values.
 */
export interface TableLayout {
  /** The printed shape. */
  readonly shape: 'blocks' | 'rows' | 'transposed';
  /** The top-left header cell (the label column's heading, or the table's note). */
  readonly corner?: HeaderLabel;
  /** A heading spanning every value column (table 三's 申请人情况). */
  readonly columnHeading?: HeaderLabel;
  /** Header cells spanning some of the value columns. */
  readonly columnGroups?: readonly ColumnGroupLayout[];
  /** Row groups printed inside another group's spanning cell (（三）不予公开 inside 三、本年度办理结果), by group key. */
  readonly groupParents?: Readonly<Record<string, string>>;
}

/** The printed layout of each table of the 2021 template (the 2019 table 三 has the same). */
export const TABLE_LAYOUTS: Readonly<Record<TableKey, TableLayout>> = {
  activeDisclosure: {
    shape: 'blocks',
    corner: { label: '信息内容', labelEn: 'Item' },
  },
  applications: {
    shape: 'rows',
    corner: {
      label: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      labelEn: '(In each column: item 1 + item 2 = item 3 + item 4)',
    },
    columnHeading: { label: '申请人情况', labelEn: 'Applicants' },
    columnGroups: [
      {
        label: '法人或其他组织',
        labelEn: 'Legal persons or other organisations',
        columns: ['business', 'research', 'publicInterest', 'legalService', 'otherOrg'],
      },
    ],
    groupParents: { denied: 'outcomes', unableToProvide: 'outcomes', notProcessed: 'outcomes', otherHandling: 'outcomes' },
  },
  reviews: {
    shape: 'transposed',
  },
};
