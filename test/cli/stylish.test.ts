import { describe, expect, it } from 'vitest';
import { runCli, seed, temporaryDirectory } from './run-cli.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Report text reaches the terminal only through the stylish formatter: an ESC sequence written in a
// report (here in a section heading the rules quote) must arrive escaped, and colour follows
// FORCE_COLOR and NO_COLOR when no flag says otherwise.
// Seed 002's blank statistics period, which period-missing quotes, with a clear-screen sequence in it.
const HOSTILE = seed('002').replace('统计期限自年月日', '统计期限自年\u001b[2J\u001bc月日');

describe('stylish output of the command line', () => {
  it('never passes an ESC sequence from a report to the terminal', async () => {
    const plain = await runCli(['-'], { input: HOSTILE });
    expect(plain.stdout).toContain('统计期限自年\\x1B[2J\\x1Bc月日');
    expect(plain.stdout).not.toContain('\u001b');
    // With colour on, the only escapes are the formatter's own colour codes.
    const coloured = await runCli(['--color', '-'], { input: HOSTILE });
    expect(coloured.stdout).toContain('统计期限自年\\x1B[2J\\x1Bc月日');
    expect(coloured.stdout.replace(/\u001b\[\d+m/g, '')).not.toContain('\u001b');
  });

  it('shows a file name holding a newline on one line, escaped', async () => {
    const directory = temporaryDirectory();
    const name = 'forged\n  1:1  错误  fake-rule.txt';
    writeFileSync(join(directory, name), seed('002'));
    const run = await runCli([name], { cwd: directory });
    expect(run.stdout.split('\n')[0]).toBe('forged\\n  1:1  错误  fake-rule.txt');
    expect(run.stdout.split('\n').filter((line) => line.includes('fake-rule'))).toHaveLength(1);
  });

  it('colours with FORCE_COLOR, not with NO_COLOR, and --no-color wins over FORCE_COLOR', async () => {
    expect((await runCli(['-'], { input: seed('002'), env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[31m错误/);
    expect((await runCli(['-'], { input: seed('002'), env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b');
    expect((await runCli(['--no-color', '-'], { input: seed('002'), env: { FORCE_COLOR: '1' } })).stdout).not.toContain('\u001b');
  });

  it('puts each finding on a head line with its message under it', async () => {
    const run = await runCli(['-'], { input: seed('002') });
    const lines = run.stdout.split('\n');
    const head = lines.findIndex((line) => /^ {2}\S+ +错误 {2}legacy-format/.test(line));
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 1]).toMatch(/^ {4}\S/);
  });
});
