import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ROOT, runCli, temporaryDirectory } from './run-cli.js';

// Each test spawns the bin; a loaded machine can take seconds per spawn.
vi.setConfig({ testTimeout: 60_000 });

// Corpus 027 (a real 2019-format report) with 行政许可's 处理决定数量 written 2.5: the CLI names the
// cell as the report's table 二 prints it, on one thread and on workers alike.
function folderWithPlanted2019(): string {
  const folder = temporaryDirectory();
  const lines = readFileSync(join(ROOT, 'test/fixtures/corpus/027.txt'), 'utf8').split('\n');
  const licensing = lines.indexOf('行政许可 |');
  expect(lines[licensing + 3]).toBe('2 |');
  lines[licensing + 3] = '2.5 |';
  writeFileSync(join(folder, '027.txt'), lines.join('\n'));
  writeFileSync(join(folder, '000.txt'), readFileSync(join(ROOT, 'test/fixtures/seeds/000.txt'), 'utf8'));
  return folder;
}

describe('the CLI names cells in the wording of the report’s format', () => {
  it('stylish: 处理决定数量 for the 2019 report, in Chinese and English, serial and on workers', async () => {
    const folder = folderWithPlanted2019();
    const serial = await runCli(['--no-color', '--concurrency', '1', '027.txt', '000.txt'], { cwd: folder });
    expect(serial.stdout).toContain('count-invalid  表二 · 处理决定数量 · 行政许可');
    expect(serial.stdout).not.toContain('本年处理决定数量');
    const parallel = await runCli(['--no-color', '--concurrency', '2', '027.txt', '000.txt'], { cwd: folder });
    expect(parallel.stdout).toBe(serial.stdout);
    const english = await runCli(['--no-color', '--locale', 'en', '027.txt'], { cwd: folder });
    expect(english.stdout).toContain('count-invalid  Table 二 · Decisions · Administrative licensing');
  });

  it('--cells: the 2019 report’s cells under the 2019 labels', async () => {
    const folder = folderWithPlanted2019();
    await runCli(['--format', 'json', '--cells', 'cells.csv', '027.txt'], { cwd: folder });
    const rows = readFileSync(join(folder, 'cells.csv'), 'utf8').split('\r\n');
    expect(rows.find((row) => row.includes(',normativeDocuments,') && row.includes(',newlyMade,'))).toContain(',规范性文件,newlyMade,本年新制作数量,');
    expect(rows.find((row) => row.includes(',licensing,') && row.includes(',decisions,'))).toContain(',行政许可,decisions,处理决定数量,2.5,invalid,');
  });
});
