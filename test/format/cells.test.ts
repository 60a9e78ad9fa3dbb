import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check.js';
import { reportCells } from '../../src/index.js';
import type { AnnualReport, AnyTable } from '../../src/index.js';

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));

/** Every cell the typed report holds, as table|row|column → its kind. */
function heldCells(report: AnnualReport): Map<string, string> {
  const held = new Map<string, string>();
  for (const [table, value] of Object.entries(report.tables)) {
    for (const [row, found] of Object.entries((value as AnyTable).rows)) {
      for (const [column, cell] of Object.entries(found?.cells ?? {}) as [string, { kind: string }][]) held.set(`${table}|${row}|${column}`, cell.kind);
    }
  }
  return held;
}

describe('reportCells', () => {
  // These 2021 reports keep the one-row （六）其他处理 of the 2019 template: its seven counts were dropped.
  it.each(['corpus/001.txt', 'corpus/002.txt', 'documents/001.pdf', 'documents/002.pdf'])('lists every cell %s holds, with its status, rows outside the template included', async (path) => {
    const bytes = fixture(path);
    const { report } = await checkDocument(path.endsWith('.pdf') ? bytes : new TextDecoder().decode(bytes), { form: path.endsWith('.pdf') ? 'pdf' : 'text' });
    const records = reportCells(path, report);
    const listed = new Map(records.filter((record) => record.status !== 'missing').map((record) => [`${record.table}|${record.rowKey}|${record.columnKey}`, record.status]));
    const held = heldCells(report);
    expect(held.size).toBeGreaterThan(0);
    for (const [cell, kind] of held) expect({ cell, status: listed.get(cell) }).toEqual({ cell, status: kind });
    const otherHandling = records.filter((record) => record.table === 'applications' && record.rowKey === 'otherHandling');
    expect(otherHandling).toHaveLength(7);
    expect(otherHandling.every((record) => record.status === 'count' && record.rowLabel === '其他处理' && record.columnLabel !== '')).toBe(true);
  });
});
