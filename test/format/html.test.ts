import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { APPLICANT_COLUMNS, APPLICATIONS_TABLE, CASE_OUTCOME_COLUMNS, REVIEWS_TABLE, checkText, formatHtml, relationExpression, renderHtmlFile } from '../../src/index.js';
import { checkSeries, parseReport } from '../../src/index.js';
import type { HtmlFileInput } from '../../src/index.js';
import { copiedWithTitleChanged } from '../series/copied.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const elements = (node: Node): Element[] => {
  const out: Element[] = [];
  const walk = (current: Node): void => {
    if ('tagName' in current) out.push(current as Element);
    for (const child of ('childNodes' in current ? current.childNodes : []) as Node[]) walk(child);
    if ('content' in current && current.content) walk(current.content as unknown as Node);
  };
  walk(node);
  return out;
};
const attr = (element: Element, name: string): string | undefined => element.attrs.find((attribute) => attribute.name === name)?.value;
const text = (node: Node): string => {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return ('childNodes' in node ? (node.childNodes as Node[]) : []).map(text).join('');
};
const classes = (element: Element): string[] => (attr(element, 'class') ?? '').split(/\s+/);

const read = (path: string, edit: (text: string) => string = (same) => same): HtmlFileInput => {
  const source = edit(readFileSync(path, 'utf8'));
  const { report, diagnostics } = checkText(source);
  return { file: path, text: source, report, diagnostics };
};

// Seed 000 with one cell changed (一、本年新收 · 自然人 16 → 18) and its text stating 17: a failed
// balance, a failed row total and a stated count the table contradicts.
const broken = read('test/fixtures/seeds/000.txt', (source) => {
  const lines = source.split('\n');
  lines[76] = (lines[76] as string).replace(/^16/, '18');
  return lines.join('\n').replace('共受理16件', '共受理17件');
});
const clean = read('test/fixtures/seeds/001.txt');
const legacy = read('test/fixtures/seeds/002.txt');
const corpus = read('test/fixtures/corpus/004.txt');

describe('formatHtml', () => {
  const page = formatHtml([clean, broken, legacy, corpus]);
  const document = parse(page);
  const all = elements(document);
  const byId = new Map(all.flatMap((element) => (attr(element, 'id') ? [[attr(element, 'id') as string, element] as const] : [])));

  it('is one self-contained page: no external script, style, image or font, nothing to fetch', () => {
    for (const element of all) {
      for (const name of ['src', 'href', 'srcset', 'action', 'poster']) {
        const value = attr(element, name);
        if (value === undefined) continue;
        expect(value, `${element.tagName} ${name}`).toMatch(/^(#|data:)/);
      }
    }
    expect(page).not.toMatch(/url\((?!data:)/);
    expect(page).not.toMatch(/@import/);
    expect(all.filter((element) => element.tagName === 'link').every((link) => attr(link, 'rel') === 'icon')).toBe(true);
  });

  it('lists every file in the summary, most errors first, each linked to its part', () => {
    const rows = all.filter((element) => element.tagName === 'tr' && elements(element).some((child) => child.tagName === 'a' && attr(child, 'href')?.startsWith('#x')));
    const files = rows.map((row) => text(row.childNodes[0] as Node));
    const errors = rows.map((row) => Number(text(row.childNodes[1] as Node)));
    expect(new Set(files)).toEqual(new Set([clean.file, broken.file, legacy.file, corpus.file]));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(errors[0]).toBeGreaterThan(0);
    for (const row of rows) {
      const link = elements(row).find((child) => child.tagName === 'a') as Element;
      expect(byId.has((attr(link, 'href') as string).slice(1))).toBe(true);
    }
  });

  it('draws table 三 in the template layout: 申请人情况 over seven columns, 法人或其他组织 over five, groups spanning their rows', () => {
    const table = byId.get('x1-applications') as Element;
    const headers = elements(table).filter((element) => element.tagName === 'th');
    const find = (label: string) => headers.find((header) => text(header) === label) as Element;
    expect(attr(find('申请人情况'), 'colspan')).toBe(String(APPLICANT_COLUMNS.length));
    expect(attr(find('法人或其他组织'), 'colspan')).toBe('5');
    expect(attr(find('自然人'), 'rowspan')).toBe('2');
    expect(attr(find('三、本年度办理结果'), 'rowspan')).toBe(String(APPLICATIONS_TABLE.rows.filter((row) => row.group !== undefined).length));
    expect(attr(find('（三）不予公开'), 'rowspan')).toBe('8');
    expect(attr(find('一、本年新收政府信息公开申请数量'), 'colspan')).toBe('3');
    // Every row is as wide as the header: 3 label columns and 7 values.
    const widths = elements(table)
      .filter((element) => element.tagName === 'tr')
      .slice(3)
      .map((row) => row.childNodes.filter((child): child is Element => 'tagName' in child && (child.tagName === 'td' || child.tagName === 'th')).filter((cell) => cell.tagName === 'td').length);
    expect(new Set(widths)).toEqual(new Set([APPLICANT_COLUMNS.length]));
  });

  it('draws table 四 as the template prints it: three groups of five side by side, one line of values', () => {
    const table = byId.get('x1-reviews') as Element;
    const values = elements(table).filter((element) => element.tagName === 'td');
    expect(values).toHaveLength(REVIEWS_TABLE.rows.length * CASE_OUTCOME_COLUMNS.length);
    const litigation = elements(table).find((element) => element.tagName === 'th' && text(element) === '行政诉讼') as Element;
    expect(attr(litigation, 'colspan')).toBe('10');
  });

  it('shows each cell as read, and marks the cells of a failed relation with the value they should have', () => {
    const cell = byId.get('x1-applications-received-naturalPerson') as Element;
    expect(text(cell)).toContain('18');
    expect(classes(cell)).toContain('xl-sev-error');
    expect(text(cell)).toContain('≠ 16');
    expect(attr(cell, 'title')).toContain('applications-balance');
    const untouched = byId.get('x1-applications-granted-business') as Element;
    expect(classes(untouched)).not.toContain('xl-sev-error');
    expect(text(untouched)).toBe('0');
  });

  it('writes each failed relation out with the report\'s numbers', () => {
    const expressions = all.filter((element) => classes(element).includes('xl-relation')).map((element) => text(element));
    expect(expressions).toContain('第一项加第二项之和，等于第三项（七）总计加第四项之和：18 + 0 = 18 ≠ 16 + 0 = 16');
    expect(expressions).toContain('总计等于自然人与各类法人或其他组织之和：16 ≠ 18 + 0 + 0 + 0 + 0 + 0 = 18');
    const outcome = relationExpression(
      { ruleId: 'applications-outcome-total', severity: 'error', messageId: 'mismatch', message: '', args: { relation: 'outcomeTotal' }, table: 'applications', row: 'concludedTotal', column: 'total' },
      broken.report,
      'en',
    );
    expect(outcome).toBe('concluded total = sum of every outcome item: 16 ≠ 1 + 3 + 1 + 9 + 2 (others 0) = 16');
  });

  it('links findings and cells both ways', () => {
    const findings = all.filter((element) => classes(element).includes('xl-finding') && attr(element, 'id')?.startsWith('x1-'));
    expect(findings.map((finding) => attr(finding, 'data-rule'))).toEqual(broken.diagnostics.map((diagnostic) => diagnostic.ruleId));
    for (const finding of findings) {
      for (const id of (attr(finding, 'data-cells') ?? '').split(' ').filter(Boolean)) {
        const cell = byId.get(id);
        expect(cell, id).toBeDefined();
        expect((attr(cell as Element, 'data-findings') ?? '').split(' ')).toContain(attr(finding, 'id'));
      }
    }
    const balance = findings.find((finding) => attr(finding, 'data-rule') === 'applications-balance') as Element;
    expect(attr(balance, 'data-cells')).toContain('x1-applications-received-naturalPerson');
  });

  it('shows a suggested correction in the finding, linked to its cell, and the value in that cell', () => {
    // The one change that balances the changed seed: 一、本年新收 · 自然人 back to 16.
    const suggested = broken.diagnostics.filter((diagnostic) => diagnostic.suggestion !== undefined);
    expect(suggested.map((diagnostic) => diagnostic.ruleId).sort()).toEqual(['applications-balance', 'applications-row-total']);
    const findings = all.filter((element) => classes(element).includes('xl-finding') && attr(element, 'id')?.startsWith('x1-'));
    const lines = findings.flatMap((finding) => elements(finding).filter((element) => classes(element).includes('xl-suggestion')).map((line) => ({ finding, line })));
    expect(lines.map(({ finding }) => attr(finding, 'data-rule')).sort()).toEqual(['applications-balance', 'applications-row-total']);
    for (const { finding, line } of lines) {
      expect(text(line)).toBe('建议更正：表三（收到和处理政府信息公开申请情况） · 一、本年新收政府信息公开申请数量 · 自然人 → 16（现为 18）');
      expect([attr(line, 'data-table'), attr(line, 'data-row'), attr(line, 'data-column'), attr(line, 'data-value'), attr(line, 'data-kind')]).toEqual(['applications', 'received', 'naturalPerson', '16', 'value']);
      const link = elements(line).find((element) => element.tagName === 'a') as Element;
      expect(attr(link, 'href')).toBe('#x1-applications-received-naturalPerson');
      // The row total's finding is about the 总计 cell; the cell to change is linked from it too.
      expect((attr(finding, 'data-cells') ?? '').split(' ')).toContain('x1-applications-received-naturalPerson');
    }
    const cell = byId.get('x1-applications-received-naturalPerson') as Element;
    expect(classes(cell)).toContain('xl-has-suggestion');
    expect(attr(cell, 'data-suggested')).toBe('16');
    expect(elements(cell).filter((element) => classes(element).includes('xl-suggested')).map(text)).toEqual(['→ 16']);
    // No other cell of the page is suggested a value: the clean and legacy reports have none.
    expect(all.filter((element) => classes(element).includes('xl-has-suggestion')).map((element) => attr(element, 'id'))).toEqual(['x1-applications-received-naturalPerson']);
    const english = formatHtml([read('test/fixtures/seeds/000.txt', (source) => source.split('\n').map((line, index) => (index === 76 ? line.replace(/^16/, '18') : line)).join('\n'))], { locale: 'en' });
    expect(english).toContain('Suggested correction: <a href="#x0-applications-received-naturalPerson">Table 三 (Applications received and handled) · New applications this year · Natural persons</a> → <b>16</b> (now 18)');
  });

  it('shows no suggestion for a two-cell fault, which no single change explains', () => {
    // Seed 000 (one cell a line) with 一、本年新收 · 自然人 16 → 17 and 四、结转下年度 · 自然人 0 → 3.
    const twoCells = read('test/fixtures/seeds/000.txt', (source) => {
      const lines = source.split('\n');
      expect([lines[76], lines[296], lines[297]]).toEqual(['16 |', '四、结转下年度继续办理 |', '0 |']);
      lines[76] = '17 |';
      lines[297] = '3 |';
      return lines.join('\n');
    });
    const page = formatHtml([twoCells]);
    expect(twoCells.diagnostics.filter((diagnostic) => diagnostic.messageId.startsWith('mismatch')).length).toBeGreaterThanOrEqual(3);
    expect(twoCells.diagnostics.every((diagnostic) => diagnostic.suggestion === undefined)).toBe(true);
    const drawn = elements(parse(page));
    expect(drawn.filter((element) => classes(element).some((name) => name === 'xl-suggestion' || name === 'xl-has-suggestion' || name === 'xl-suggested'))).toEqual([]);
  });

  it('gives each finding its place, rule link and the rule description it links to', () => {
    const balance = all.find((element) => attr(element, 'data-rule') === 'applications-balance' && attr(element, 'id')?.startsWith('x1-')) as Element;
    expect(text(balance)).toMatch(/^77:1/);
    const link = elements(balance).find((element) => element.tagName === 'a') as Element;
    expect(attr(link, 'href')).toBe('#rule-applications-balance');
    expect(byId.has('rule-applications-balance')).toBe(true);
  });

  it('marks missing, ambiguous and blank cells apart from counts', () => {
    const states = (prefix: string) => new Set(all.filter((element) => attr(element, 'id')?.startsWith(prefix) && attr(element, 'data-state')).map((element) => attr(element, 'data-state')));
    expect(states('x3-')).toContain('ambiguous');
    // The numbers that no cell took are shown with their row, as written.
    const documents = byId.get('x3-activeDisclosure-normativeDocuments') as Element;
    expect(text(documents)).toContain('「693665」');
    expect(states('x1-')).toEqual(new Set(['count']));
    const missing = read('test/fixtures/corpus/001.txt');
    const other = parse(renderHtmlFile(missing, 7));
    const missingCells = elements(other).filter((element) => attr(element, 'data-state') === 'missing');
    expect(missingCells.map((element) => attr(element, 'id'))).toContain('x7-applications-otherHandling.noCorrection-naturalPerson');
  });

  it('lists the sections found with their place, and those missing', () => {
    const found = all.filter((element) => classes(element).includes('xl-section-found'));
    expect(found.length).toBeGreaterThanOrEqual(6 * 2);
    const section = parse(renderHtmlFile(read('test/fixtures/corpus/014.txt'), 0));
    const missing = elements(section).filter((element) => classes(element).includes('xl-section-missing')).map((element) => attr(element, 'data-section'));
    expect(missing).toEqual(['reviewsAndLitigation', 'problems', 'otherMatters']);
  });

  it('quotes each stated count, marks it, and links it to the cell it was compared with', () => {
    const fact = all.find((element) => classes(element).includes('xl-fact') && (attr(element, 'data-cells') ?? '').startsWith('x1-')) as Element;
    expect(attr(fact, 'data-cells')).toBe('x1-applications-received-total');
    expect(classes(fact)).toContain('xl-sev-error');
    const mark = elements(fact).find((element) => element.tagName === 'mark') as Element;
    expect(text(mark)).toBe('共受理17件政府信息公开申请');
    expect(byId.has('x1-applications-received-total')).toBe(true);
    const agreeing = all.find((element) => classes(element).includes('xl-fact') && (attr(element, 'data-cells') ?? '').startsWith('x3-')) as Element | undefined;
    if (agreeing) expect(classes(agreeing)).not.toContain('xl-sev-error');
  });

  it('links every finding of every corpus report to cells that are drawn, and every marked cell back', () => {
    const files = readdirSync('test/fixtures/corpus').filter((name) => name.endsWith('.txt'));
    const inputs = files.map((name) => read(`test/fixtures/corpus/${name}`));
    const tree = elements(parse(formatHtml(inputs)));
    const ids = new Set(tree.flatMap((element) => (attr(element, 'id') ? [attr(element, 'id') as string] : [])));
    let links = 0;
    for (const element of tree) {
      for (const name of ['data-cells', 'data-findings']) {
        for (const id of (attr(element, name) ?? '').split(' ').filter(Boolean)) {
          expect(ids.has(id), `${attr(element, 'id')} → ${id}`).toBe(true);
          links++;
        }
      }
    }
    // Every cell a finding names is linked both ways (finding → cell, cell → finding): at least twice
    // as many links as the findings' cell references, not counting cells named more than once.
    const references = new Set(
      inputs.flatMap((input, file) =>
        input.diagnostics.flatMap((diagnostic, index) =>
          [diagnostic, ...(diagnostic.related ?? [])].flatMap((place) =>
            place.table && place.row && place.column ? [`${file}/${index}/${place.table}/${place.row}/${place.column}`] : [],
          ),
        ),
      ),
    );
    expect(references.size).toBeGreaterThan(200);
    expect(links).toBeGreaterThanOrEqual(2 * references.size);
    const findings = tree.filter((element) => classes(element).includes('xl-finding'));
    expect(findings).toHaveLength(inputs.reduce((sum, input) => sum + input.diagnostics.length, 0));
  });

  it('escapes report text and file names, control characters shown as their code', () => {
    const hostile = formatHtml([{ file: '<img src=x onerror=alert(1)>\u001b[2J.txt', diagnostics: [] }]);
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;\\x1B[2J.txt');
  });

  it('speaks English with locale en, labels from the catalog', () => {
    const english = formatHtml([broken], { locale: 'en' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Legal persons or other organisations');
    expect(english).toContain('Table 三 (Applications received and handled)');
    expect(english).not.toContain('申请人情况');
  });

  it('names the places a series finding points at in last year’s report, and highlights no cell of this one for them', () => {
    const lastYear = readFileSync('test/fixtures/corpus/004.txt', 'utf8');
    const thisYear = copiedWithTitleChanged();
    const series = checkSeries([
      { report: parseReport(lastYear), text: lastYear, uri: '2021.txt' },
      { report: parseReport(thisYear), text: thisYear, uri: '2022.txt' },
    ]).diagnostics[1] as HtmlFileInput['diagnostics'];
    const carry = series.filter((diagnostic) => diagnostic.ruleId === 'carry-over-mismatch');
    expect(carry.map((diagnostic) => diagnostic.related?.map((place) => [place.uri, place.row, place.value]))).toEqual([[['2021.txt', 'carriedForward', '1']], [['2021.txt', 'carriedForward', '1']]]);
    const drawn = elements(parse(formatHtml([{ file: '2022.txt', diagnostics: series, report: parseReport(thisYear), text: thisYear }])));
    const findings = drawn.filter((element) => classes(element).includes('xl-finding') && attr(element, 'data-rule') === 'carry-over-mismatch');
    expect(findings).toHaveLength(2);
    for (const finding of findings) {
      // This year's carried-over cell, not this year's carried-forward one (last year's is in the other file).
      expect((attr(finding, 'data-cells') ?? '').split(' ').every((id) => id.includes('-carriedOver-'))).toBe(true);
      const others = elements(finding).filter((element) => classes(element).includes('xl-other-file'));
      expect(others.map((element) => attr(element, 'data-uri'))).toEqual(['2021.txt']);
      expect(text(others[0] as Element)).toMatch(/^2021\.txt \d+:\d+ .+ 1$/);
    }
    const repeated = drawn.find((element) => classes(element).includes('xl-finding') && attr(element, 'data-rule') === 'text-repeated') as Element;
    expect(elements(repeated).filter((element) => classes(element).includes('xl-other-file')).length).toBeGreaterThan(0);
  });

  it('links rules to their documentation pages when told where they are', () => {
    const linked = formatHtml([broken], { ruleDocsUrl: '../rules/{ruleId}.html' });
    expect(linked).toContain('href="../rules/applications-balance.html"');
  });
});
