import { describe, expect, it } from 'vitest';
import { formatJson, jsonFileResult, summarize } from '../../src/index.js';
import { DIAGNOSTICS, EXCERPT } from './fixtures.js';

describe('formatJson', () => {
  const results = [summarize('a.txt', DIAGNOSTICS, { text: EXCERPT, encoding: 'UTF-8' }), summarize('clean.txt', [])];
  const output = formatJson(results);

  it('is one JSON array with { file, diagnostics, errorCount, warningCount } per file, clean files included', () => {
    const parsed = JSON.parse(output) as Record<string, unknown>[];
    expect(parsed).toHaveLength(2);
    for (const entry of parsed) expect(Object.keys(entry)).toEqual(['file', 'diagnostics', 'errorCount', 'warningCount']);
    expect(parsed[0]).toEqual({ file: 'a.txt', diagnostics: DIAGNOSTICS, errorCount: 1, warningCount: 2 });
    expect(parsed[1]).toEqual({ file: 'clean.txt', diagnostics: [], errorCount: 0, warningCount: 0 });
  });

  it('is one line ending with a newline', () => {
    expect(output.indexOf('\n')).toBe(output.length - 1);
  });

  it('gives the same text when streamed entry by entry', () => {
    expect(`[${results.map((result) => JSON.stringify(jsonFileResult(result))).join(',')}]\n`).toBe(output);
    expect(formatJson([])).toBe('[]\n');
  });
});
