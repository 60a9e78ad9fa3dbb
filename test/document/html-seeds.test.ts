import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src/catalog/index.js';
import type { TableKey } from '../../src/catalog/index.js';
import { checkDocument } from '../../src/check.js';
import { readHtmlDocument } from '../../src/document/html/index.js';
import { checkText } from '../../src/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { Cell } from '../../src/model/index.js';
import { seedText, TABLED_SEEDS, tableAsFixture } from '../support/fixtures.js';
import { publishSeed } from '../support/html-pages.js';
import type { PagePlace } from '../support/html-pages.js';

/** A diagnostic as the assertions below write it: rule, severity, cell and where it points. */
const summary = (diagnostic: Diagnostic) => ({
  ruleId: diagnostic.ruleId,
  severity: diagnostic.severity,
  ...(diagnostic.row !== undefined ? { row: diagnostic.row } : {}),
  ...(diagnostic.column !== undefined ? { column: diagnostic.column } : {}),
  line: diagnostic.span?.line,
  at: diagnostic.span?.column,
});

const at = (place: PagePlace) => ({ line: place.line, at: place.column });

const CONTAINERS = ['trs', 'zoom', 'ucap', 'article'] as const;

describe.each(TABLED_SEEDS.map((id, index) => [id, CONTAINERS[index % CONTAINERS.length] as (typeof CONTAINERS)[number]]))('seed %s published as a web page (%s container)', (id, container) => {
  it('reads every table cell from its <td>, as the seed encodes it', async () => {
    const page = publishSeed(id, { container });
    const { report } = await checkDocument(page.html);
    expect(report.meta.form).toBe('html');
    const version = page.expectation.formatVersion;
    expect(report.meta.formatVersion).toBe(version);
    for (const key of ['activeDisclosure', 'applications', 'reviews'] as TableKey[]) {
      if (!TEMPLATES[version].tables[key]) continue;
      expect(tableAsFixture(report.tables[key], key, version), key).toEqual(page.expectation[key]);
      const cells = Object.values(report.tables[key]?.rows ?? {}).flatMap((row) => Object.values((row as { cells: Record<string, Cell> }).cells));
      expect(cells.every((cell) => cell.span?.cell !== undefined)).toBe(true);
    }
    expect(report.unplaced).toEqual([]);
  });

  it('leaves the site chrome out of the text: no navigation, metadata box, script, form or footer digits', () => {
    const page = publishSeed(id, { container });
    const text = readHtmlDocument(page.html).source.text;
    for (const chrome of ['无障碍浏览', '互动交流', '11350000-2025-00012', 'pageSize', '<td>99', '闽ICP备12345678号', '网站标识码', '35012802000123', '0591-23165370', '搜索']) {
      expect(page.html).toContain(chrome);
      expect(text).not.toContain(chrome);
    }
  });

  it('checks as clean as its text does: the same diagnostics, none', async () => {
    const page = publishSeed(id, { container });
    const { diagnostics } = await checkDocument(page.html);
    expect(checkText(seedText(id)).diagnostics).toEqual([]);
    expect(diagnostics.map(summary)).toEqual([]);
  });

  it('reports a balance fault once per column, at the <td> of 一、本年新收 in that column', async () => {
    const forward = publishSeed(id).expectation.applications.carriedForward as number[];
    const page = publishSeed(id, {
      container,
      cells: { 'applications.carriedForward.naturalPerson': (forward[0] as number) + 1, 'applications.carriedForward.total': (forward[6] as number) + 1 },
    });
    const { diagnostics } = await checkDocument(page.html);
    expect(diagnostics.map(summary)).toEqual([
      { ruleId: 'applications-balance', severity: 'error', row: 'received', column: 'naturalPerson', ...at(page.cell('applications', 'received', 'naturalPerson')) },
      { ruleId: 'applications-balance', severity: 'error', row: 'received', column: 'total', ...at(page.cell('applications', 'received', 'total')) },
    ]);
    expect(diagnostics[0]?.span?.cell).toEqual({ table: 2, row: 4, column: 2 });
  });

  it('reports a blank column row by row at each blank <td>, and the sums it keeps from being checked', async () => {
    const rows = TEMPLATES[publishSeed(id).expectation.formatVersion].tables.applications?.rows ?? [];
    const page = publishSeed(id, { container, cells: Object.fromEntries(rows.map((row) => [`applications.${row.key}.research`, null])) });
    const { diagnostics } = await checkDocument(page.html);
    const first = at(page.cell('applications', 'received', 'research'));
    const expected = [
      ...rows.map((row) => ({ ruleId: 'blank-cell', severity: 'warning', row: row.key, column: 'research', ...at(page.cell('applications', row.key, 'research')) })),
      { ruleId: 'applications-balance', severity: 'info', ...first },
      { ruleId: 'applications-row-total', severity: 'info', ...first },
      { ruleId: 'applications-outcome-total', severity: 'info', ...at(page.cell('applications', 'concludedTotal', 'research')) },
    ];
    const order = (list: readonly object[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(order(diagnostics.map(summary))).toEqual(order(expected));
  });

  it('reports a narrative count the table contradicts, at the number in its paragraph', async () => {
    const received = publishSeed(id).expectation.applications.received as number[];
    const stated = (received[6] as number) + 5;
    const page = publishSeed(id, { container, beforeApplications: `本年度共收到政府信息公开申请${stated}件。` });
    const { diagnostics } = await checkDocument(page.html);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity, diagnostic.actual])).toEqual([['unsupported-count', 'error', String(stated)]]);
    const sentence = page.find(`共收到政府信息公开申请${stated}件`);
    const span = diagnostics[0]?.span;
    expect(span?.line).toBe(sentence.line);
    expect(page.html.slice(span?.start, span?.end)).toContain(String(stated));
  });
});
