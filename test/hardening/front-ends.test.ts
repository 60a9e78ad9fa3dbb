/**
 * The front-ends on hostile input (issue 14): checkDocument never rejects and gives a clear finding
 * or document problem for damaged PDFs and Word files, huge tables and options that are not an object.
 * (The front-ends' own suites test deep nesting, 10,000 columns, huge spans and zip bombs.)
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/index.js';
import { seedText } from '../support/fixtures.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('checkDocument on hostile input', () => {
  it('a PDF header over garbage: a document problem, never a rejection', async () => {
    const garbage = Array.from({ length: 200_000 }, (_, index) => String.fromCharCode(32 + ((index * 7919) % 90))).join('');
    const result = await checkDocument(bytes(`%PDF-1.7\n1 0 obj << /Length 99999999 >> stream\n${garbage}`));
    expect(result.document.problems.length).toBeGreaterThan(0);
  }, 60_000);

  it('a zip header over garbage: a document problem, never a rejection', async () => {
    const result = await checkDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 100_000 }, (_, index) => (index * 31) % 256)]));
    expect(result.document.problems.length).toBeGreaterThan(0);
  }, 60_000);

  it('a web page with 100,000 one-cell rows is read in bounded work, the report still checked', async () => {
    const result = await checkDocument(`<html><body><pre>${seedText('000')}</pre><table>${'<tr><td>1</td></tr>'.repeat(100_000)}</table></body></html>`);
    expect(Array.isArray(result.diagnostics)).toBe(true);
  }, 120_000);

  it('options that are not an object: checked with the defaults, and said so', async () => {
    const result = await checkDocument(seedText('000'), null as never);
    expect(result.diagnostics.some((diagnostic) => diagnostic.ruleId === 'invalid-option' && diagnostic.messageId === 'options-not-object')).toBe(true);
  });
});
