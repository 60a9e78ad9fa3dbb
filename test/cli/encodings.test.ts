import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { decodeReport } from '../../src/cli/decode.js';
import { ROOT, parseJson, runCli, seed, seedPath, temporaryDirectory } from './run-cli.js';
import type { JsonEntry } from './run-cli.js';

// Each test spawns the bin, some several times; a loaded machine can take seconds per spawn.
vi.setConfig({ testTimeout: 30_000 });

const fixture = (name: string): Uint8Array => readFileSync(join(ROOT, 'test/fixtures/encodings', name));

const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? bytes : bytes.swap16();
};

describe('decodeReport', () => {
  it.each([
    ['001.gb18030.txt', '001', 'GB18030'],
    ['002.gb18030.txt', '002', 'GB18030'],
    ['003.gbk.txt', '003', 'GB18030'],
  ] as const)('decodes %s to the seed text, not mojibake', (name, id, encoding) => {
    const decoded = decodeReport(fixture(name));
    expect(decoded).toMatchObject({ ok: true, encoding, bom: false, replaced: 0 });
    expect(decoded.ok && decoded.text === seed(id)).toBe(true);
  });

  it('decodes UTF-8 with and without a BOM, dropping the BOM', () => {
    const text = seed('000');
    expect(decodeReport(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'UTF-8', bom: false, replaced: 0 });
    expect(decodeReport(Buffer.from(`\ufeff${text}`))).toEqual({ ok: true, text, encoding: 'UTF-8', bom: true, replaced: 0 });
  });

  it('decodes UTF-16 with a BOM, either byte order, and without one', () => {
    const text = seed('004');
    expect(decodeReport(utf16(text, 'le'))).toEqual({ ok: true, text, encoding: 'UTF-16LE', bom: true, replaced: 0 });
    expect(decodeReport(utf16(text, 'be'))).toEqual({ ok: true, text, encoding: 'UTF-16BE', bom: true, replaced: 0 });
    expect(decodeReport(Buffer.from(text, 'utf16le'))).toMatchObject({ ok: true, text, encoding: 'UTF-16LE', bom: false });
  });

  it('keeps a UTF-8 file with a damaged byte as UTF-8, counting the replacement', () => {
    const bytes = Buffer.from(seed('001'));
    // Byte 200 leads a three-byte character: its two continuation bytes are orphaned too.
    bytes[200] = 0xff;
    const decoded = decodeReport(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'UTF-8', replaced: 3 });
    expect(decoded.ok && decoded.text.includes('西畴县人民政府2023年政府信息公开工作年度报告')).toBe(true);
  });

  it('refuses PDF, Office and binary files instead of decoding them', () => {
    expect(decodeReport(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toEqual({ ok: false, reason: 'pdf' });
    expect(decodeReport(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toEqual({ ok: false, reason: 'office' });
    expect(decodeReport(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({ ok: false, reason: 'office' });
    expect(decodeReport(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0]))).toEqual({ ok: false, reason: 'binary' });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeReport(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'UTF-8', bom: false, replaced: 0 });
  });
});

describe('the CLI on encoded copies of the seeds', () => {
  const utf8Result = async (id: string) => parseJson(await runCli(['--format', 'json', seedPath(id)]))[0];

  it.each([
    ['001.gb18030.txt', '001'],
    ['003.gbk.txt', '003'],
  ] as const)('checks %s exactly as the UTF-8 seed', async (name, id) => {
    const run = await runCli(['--format', 'json', `test/fixtures/encodings/${name}`]);
    expect(run.stderr).toBe('');
    expect(parseJson(run)[0]?.diagnostics).toEqual((await utf8Result(id))?.diagnostics);
  });

  it('a GB18030 seed gives no errors, like the seed itself', async () => {
    const run = await runCli(['--format', 'json', 'test/fixtures/encodings/001.gb18030.txt']);
    expect(parseJson(run)[0]?.errorCount).toBe(0);
    expect(run.code).toBe(0);
  });

  it('records the encoding it found in SARIF', async () => {
    const run = await runCli(['--format', 'sarif', 'test/fixtures/encodings/001.gb18030.txt', 'test/fixtures/encodings/003.gbk.txt', seedPath('000')]);
    const log = JSON.parse(run.stdout) as { runs: { artifacts: { location: { uri: string }; encoding?: string }[] }[] };
    expect(log.runs[0]?.artifacts.map((artifact) => artifact.encoding)).toEqual(['GB18030', 'GB18030', 'UTF-8']);
  });

  it.each([
    ['UTF-16LE with BOM', (text: string) => utf16(text, 'le')],
    ['UTF-16BE with BOM', (text: string) => utf16(text, 'be')],
    ['UTF-8 with BOM', (text: string) => Buffer.from(`\ufeff${text}`)],
  ])('checks a %s copy exactly as the seed', async (_name, encode) => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'report.txt'), encode(seed('004')));
    const run = await runCli(['--format', 'json', join(directory, 'report.txt')]);
    expect(run.stderr).toBe('');
    expect(parseJson(run)[0]?.diagnostics).toEqual((await utf8Result('004'))?.diagnostics);
  });

  it('reports a PDF it cannot read with one line naming it, checks the others, exit 2', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, '年报.pdf'), '%PDF-1.4\n1 0 obj\n');
    const run = await runCli(['--format', 'json', join(directory, '年报.pdf'), seedPath('001')]);
    expect(run.code).toBe(2);
    const name = join(directory, '年报.pdf');
    expect(run.stderr).toMatch(new RegExp(`^xxgk-lint: 无法读取 ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}：[^\n]+\n$`));
    // The PDF is an entry of its own, in its place: a fatal diagnostic (not read yet, or damaged), not a silent omission.
    const entries = parseJson(run);
    expect(entries.map((entry) => entry.file)).toEqual([name, seedPath('001')]);
    const [fatal] = entries[0]!.diagnostics as (JsonEntry['diagnostics'][number] & { fatal?: boolean })[];
    expect(entries[0]!.diagnostics).toHaveLength(1);
    expect(['file-unsupported', 'file-unreadable']).toContain(fatal!.ruleId);
    expect(fatal).toMatchObject({ severity: 'error', fatal: true, messageId: 'documentProblem' });
    expect(run.stderr).toBe(`xxgk-lint: ${fatal!.message}\n`);
    expect(entries[0]!.errorCount).toBe(1);
  });

  it('warns about damaged UTF-8 bytes but still checks the file', async () => {
    const directory = temporaryDirectory();
    const bytes = Buffer.from(seed('001'));
    bytes[200] = 0xff;
    writeFileSync(join(directory, 'damaged.txt'), bytes);
    const run = await runCli(['--format', 'json', '--locale', 'en', join(directory, 'damaged.txt')]);
    expect(run.stderr).toBe(`xxgk-lint: ${join(directory, 'damaged.txt')} has 3 invalid UTF-8 sequences, replaced with �\n`);
    expect(parseJson(run)).toHaveLength(1);
  });
});
