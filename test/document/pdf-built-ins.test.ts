import { describe, expect, it, vi } from 'vitest';
import { readPdfDocument } from '../../src/document/pdf/index.js';
import { documentBytes } from './support.js';

// pdf.js parses a few hundred kilobytes per report; a loaded machine takes seconds.
vi.setConfig({ testTimeout: 60_000 });

// Taken before this file loads pdf.js (it is loaded on the first PDF read, below; no import here).
const push = Array.prototype.push;
const { parse, stringify } = JSON;

describe('loading pdf.js', () => {
  it("leaves the engine's own push and JSON in place (its legacy build's polyfills are slower, and would slow every later check)", async () => {
    const document = await readPdfDocument(documentBytes('seed-001.pdf'));
    expect(document.problems).toEqual([]);
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(parse);
    expect(JSON.stringify).toBe(stringify);
  });
});
