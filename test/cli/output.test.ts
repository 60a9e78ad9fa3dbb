import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileOutput } from '../../src/cli/output.js';
import { temporaryDirectory } from './run-cli.js';

describe('--output-file', () => {
  it('leaves the previous file whole until the new output is complete, then replaces it, leaving nothing beside it', async () => {
    const directory = temporaryDirectory();
    const path = join(directory, 'report.html');
    writeFileSync(path, 'the previous run');
    const output = fileOutput(path);
    // More than a stream buffers: the write returns once the bytes reached the file system.
    const start = `the new run, ${'x'.repeat(100_000)}, `;
    await output.write(start);
    // A run that fails here (an internal error) must not have truncated the previous output.
    expect(readFileSync(path, 'utf8')).toBe('the previous run');
    await output.write('complete');
    await output.close();
    expect(output.error).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe(`${start}complete`);
    expect(readdirSync(directory)).toEqual(['report.html']);
  });
});
