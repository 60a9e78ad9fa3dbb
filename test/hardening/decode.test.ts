/**
 * Decoding what crawlers bring back (issue 14): a BOM before another encoding, damaged double-byte
 * text, NUL characters in UTF-8, and Big5.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../src/cli/decode.js';
import { ROOT, runCli, seed, temporaryDirectory } from '../cli/run-cli.js';

const fixture = (name: string): Buffer => readFileSync(join(ROOT, 'test/fixtures/encodings', name));
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('decodeReport on what crawlers bring back', () => {
  it('a UTF-8 BOM followed by GB18030 bytes is read as GB18030, with a warning (3,848 U+FFFD before)', () => {
    const decoded = decodeReport(Buffer.concat([BOM, fixture('001.gb18030.txt')]));
    expect(decoded).toMatchObject({ ok: true, encoding: 'GB18030', bom: true, replaced: 0, warning: 'bom-mismatch' });
    expect(decoded.ok && decoded.text === seed('001')).toBe(true);
  });

  it('a GB18030 file with two damaged bytes is read, the damage counted (the whole file was refused)', () => {
    const bytes = Buffer.from(fixture('002.gb18030.txt'));
    // Two lead bytes followed by a byte no GB18030 sequence takes: two damaged sequences.
    bytes[400] = 0x81;
    bytes[401] = 0x7f;
    bytes[900] = 0x81;
    bytes[901] = 0x7f;
    const decoded = decodeReport(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'GB18030', bom: false });
    expect(decoded.ok && decoded.replaced).toBeGreaterThanOrEqual(2);
    expect(decoded.ok && decoded.replaced).toBeLessThanOrEqual(4);
    expect(decoded.ok && decoded.text.slice(0, 100)).toBe(seed('002').slice(0, 100));
  });

  it('bytes in no known encoding are still refused, not read as damaged GB18030', () => {
    // Lead bytes followed by 0xFF, which no GB18030 or Big5 sequence takes, among valid pairs.
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, index) => (index % 6 === 5 ? 0xff : 0xa1 + ((index * 37) % 0x5e))));
    expect(decodeReport(noise)).toEqual({ ok: false, reason: 'unknown-encoding' });
  });

  it('abc\\0def is UTF-8 (it was decoded as UTF-16)', () => {
    expect(decodeReport(Buffer.from('abc\0def'))).toEqual({ ok: true, text: 'abc\0def', encoding: 'UTF-8', bom: false, replaced: 0 });
    const report = `${seed('000').slice(0, 500)}\0${seed('000').slice(500)}`;
    expect(decodeReport(Buffer.from(report))).toMatchObject({ ok: true, text: report, encoding: 'UTF-8' });
  });

  it('a Big5 file is recognised as Big5 (it was read as GB18030)', () => {
    const decoded = decodeReport(fixture('004.big5.txt'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'Big5', bom: false, replaced: 0 });
    // iconv -c dropped the pinyin's tone letters, which Big5 lacks; every other character is the seed's.
    const letters = (text: string): string => text.replace(/\([^)]*\)/gu, '');
    expect(decoded.ok && letters(decoded.text)).toBe(letters(seed('004')));
  });

  it('GB18030 and GBK files are still GB18030, not Big5', () => {
    for (const name of ['001.gb18030.txt', '002.gb18030.txt', '003.gbk.txt']) expect(decodeReport(fixture(name))).toMatchObject({ ok: true, encoding: 'GB18030' });
  });
});

describe('the command line says what it decoded', () => {
  it('warns of a BOM before GB18030 text and checks the report', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'bom.txt'), Buffer.concat([BOM, fixture('001.gb18030.txt')]));
    const run = await runCli(['--locale', 'en', '--format', 'json', 'bom.txt'], { cwd: directory });
    expect(run.stderr).toBe('xxgk-lint: bom.txt starts with a UTF-8 byte-order mark but holds GB18030 text; read as GB18030\n');
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  }, 30_000);
});
