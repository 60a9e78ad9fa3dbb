import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, parseReportJson, serializeReport } from '../../src/index.js';
import { sarifErrors } from '../format/sarif-validator.js';
import { ROOT, runCli, temporaryDirectory } from './run-cli.js';

interface JsonEntry {
  file: string;
  diagnostics: { ruleId: string; severity: string }[];
  report?: unknown;
}
const entries = (stdout: string): JsonEntry[] => JSON.parse(stdout) as JsonEntry[];
const fixture = (name: string): string => join(ROOT, 'test/fixtures', name);
const errors = (entry: JsonEntry | undefined): string[] => (entry?.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.ruleId);

// Each run spawns the bin and, for PDFs, pdf.js: seconds on a busy machine.
describe('the CLI reads each file in the form it is published in', { timeout: 30_000 }, () => {
  it('a web page saved with a .txt name is read as the page it is', async () => {
    const directory = temporaryDirectory();
    copyFileSync(fixture('corpus/010.html'), join(directory, 'page.txt'));
    const run = await runCli(['--format', 'json', '--include-report', join(directory, 'page.txt')]);
    expect(run.code).toBe(0);
    const [entry] = entries(run.stdout);
    expect(errors(entry)).toEqual([]);
    expect((entry?.report as { meta: { form: string } }).meta.form).toBe('html');
  });

  it('a folder of reports in every form: each checked, by its content', async () => {
    const directory = temporaryDirectory();
    copyFileSync(fixture('corpus/004.html'), join(directory, 'a.html'));
    copyFileSync(fixture('documents/003.pdf'), join(directory, 'b.pdf'));
    copyFileSync(fixture('documents/template-2021.docx'), join(directory, 'c.docx'));
    copyFileSync(fixture('corpus/003.txt'), join(directory, 'd.txt'));
    const run = await runCli(['--format', 'json', '--include-report', directory]);
    const found = entries(run.stdout);
    expect(found.map((entry) => [entry.file.slice(directory.length + 1), (entry.report as { meta: { form: string } }).meta.form])).toEqual([
      ['a.html', 'html'],
      ['b.pdf', 'pdf'],
      ['c.docx', 'docx'],
      ['d.txt', 'text'],
    ]);
    expect(found.map(errors)).toEqual([[], [], ['tables-empty'], []]);
  });

  it('a document its reader cannot read (an old .doc) is one line naming it, exit 2; the others are still checked', async () => {
    const directory = temporaryDirectory();
    copyFileSync(fixture('documents/old-word.doc'), join(directory, 'old.doc'));
    const run = await runCli(['--format', 'json', join(directory, 'old.doc'), fixture('corpus/003.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.includes('old.doc'))).toHaveLength(1);
    // It is an entry of its own, in its place, with one fatal diagnostic (issue 12: no input disappears).
    const found = entries(run.stdout);
    expect(found.map((entry) => entry.file)).toEqual([join(directory, 'old.doc'), fixture('corpus/003.txt')]);
    expect((found[0] as unknown as { diagnostics: { ruleId: string; fatal?: boolean }[] }).diagnostics).toMatchObject([{ ruleId: 'file-unsupported', fatal: true }]);
  });
});

describe('--include-report', { timeout: 30_000 }, () => {
  it('adds each file’s typed report in its JSON form, the one the library reads and the schema describes', async () => {
    const page = readFileSync(fixture('corpus/005.html'));
    const directory = temporaryDirectory();
    writeFileSync(join(directory, '005.html'), page);
    const run = await runCli(['--format', 'json', '--include-report', join(directory, '005.html')]);
    const [entry] = entries(run.stdout);
    const parsed = parseReportJson(entry?.report);
    expect(parsed.success).toBe(true);
    const { report } = await checkDocument(new Uint8Array(page));
    expect(entry?.report).toEqual(JSON.parse(JSON.stringify(serializeReport(report))));
  });

  it('is left out unless asked for', async () => {
    const run = await runCli(['--format', 'json', fixture('corpus/003.txt')]);
    expect(entries(run.stdout)[0]).not.toHaveProperty('report');
  });
});

describe('a finding in a PDF or Word file can be found in it from every format', { timeout: 60_000 }, () => {
  interface Span {
    line: number;
    column: number;
    page?: number;
    cell?: { table: number; row: number; column: number };
  }
  const pdf = fixture('documents/001.pdf');
  const docx = fixture('documents/template-2021.docx');
  const spans = async (file: string): Promise<{ ruleId: string; span?: Span }[]> =>
    (JSON.parse((await runCli(['--no-config', '-f', 'json', file])).stdout) as { diagnostics: { ruleId: string; span?: Span }[] }[])[0]!.diagnostics;

  it('stylish names the page of a PDF and the table cell of a Word file, as the HTML report does', async () => {
    const [pdfFindings, docxFindings] = [await spans(pdf), await spans(docx)];
    const total = pdfFindings.find((finding) => finding.ruleId === 'reviews-total')!.span!;
    expect(total.page).toBeDefined();
    const zh = (await runCli(['--no-config', pdf])).stdout;
    expect(zh).toMatch(new RegExp(`^  第 ${total.page} 页 ${total.line}:${total.column} +错误 +reviews-total`, 'm'));
    const en = (await runCli(['--no-config', '--locale', 'en', pdf])).stdout;
    expect(en).toMatch(new RegExp(`^  p\\. ${total.page} ${total.line}:${total.column} +error +reviews-total`, 'm'));
    const empty = docxFindings.find((finding) => finding.ruleId === 'tables-empty')!.span!;
    const cell = empty.cell!;
    expect((await runCli(['--no-config', docx])).stdout).toContain(`  ${empty.line}:${empty.column} （第 ${cell.table} 个表格第 ${cell.row} 行第 ${cell.column} 格）  错误  tables-empty`);
  });

  it('CSV ends each row with the page and the table cell', async () => {
    const findings = await spans(pdf);
    const csv = (await runCli(['--no-config', '-f', 'csv', pdf])).stdout;
    const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
    expect(header).toBe('file,agency,year,rule,severity,table,row,column,expected,actual,line,textColumn,message,page,cellTable,cellRow,cellColumn');
    expect(rows).toHaveLength(findings.length);
    rows.forEach((row, index) => {
      const span = findings[index]!.span!;
      expect(row.split(',').slice(-4)).toEqual([span.page, span.cell?.table, span.cell?.row, span.cell?.column].map((value) => (value === undefined ? '' : String(value))));
    });
  });

  it('SARIF gives a PDF or Word file no text region, its page and cell as properties, and stays valid', async () => {
    for (const file of [pdf, docx]) {
      const findings = await spans(file);
      const log = JSON.parse((await runCli(['--no-config', '-f', 'sarif', file])).stdout) as {
        runs: { results: { ruleId: string; locations: { physicalLocation: { region?: unknown }; logicalLocations?: unknown[]; properties?: { page?: number; cell?: unknown; extractedText?: { line: number; column: number } } }[] }[] }[];
      };
      expect(sarifErrors(log)).toEqual([]);
      const results = log.runs[0]!.results;
      expect(results).toHaveLength(findings.length);
      results.forEach((result, index) => {
        const [location] = result.locations;
        const span = findings[index]!.span;
        expect(location!.physicalLocation.region).toBeUndefined();
        expect(location!.logicalLocations?.length).toBe(1);
        if (span) expect(location!.properties).toEqual({ ...(span.page !== undefined ? { page: span.page } : {}), ...(span.cell ? { cell: span.cell } : {}), extractedText: expect.objectContaining({ line: span.line, column: span.column }) });
      });
    }
  });
});
