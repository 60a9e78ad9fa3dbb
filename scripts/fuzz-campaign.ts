/**
 * The fuzz campaign's inputs and checks (run by scripts/fuzz.mjs, in worker threads). Every input
 * is derived from the campaign seed and its index alone, so any finding is reproduced with
 * `npm run fuzz -- --seed S --from I --inputs 1`.
 *
 * Entry points: `checkText` with random options, the formatters (stylish, JSON, SARIF), JSON
 * reports through `parseReportJson` and `checkReport` (valid, mutated, and raw objects), and the
 * CLI's `decodeReport` on bytes. Checks: nothing throws, nothing takes over a second, every number
 * of the tables is placed or reported, every span is right.
 */
import { decodeReport } from '../src/cli/decode.js';
import {
  RULES,
  checkReport,
  checkText,
  createSarifWriter,
  formatStylishFile,
  jsonFileResult,
  parseReportJson,
  serializeReport,
  summarize,
} from '../src/index.js';
import { describeRun, lostValues, spanErrors } from './fuzz-oracle.js';

/** One finding of the campaign. */
export interface Finding {
  readonly kind: 'throw' | 'hang' | 'loss' | 'span';
  readonly index: number;
  readonly entry: string;
  readonly detail: string;
}

/** The figures of a slice of the campaign. */
export interface SliceStats {
  inputs: number;
  throws: number;
  /** Numbers neither placed nor reported, over all the inputs counted in `losses`. */
  lostNumbers: number;
  hangs: number;
  /** Inputs with at least one number of a table neither placed nor reported. */
  losses: number;
  spanErrors: number;
  /** The slowest input, in milliseconds. */
  slowest: number;
  /** Some findings in full (the first of each kind, and a few more). */
  readonly findings: Finding[];
}

/** A small fast seeded generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '0', '7', '16', '2821', '１６', '-1', '2,821', '3.5', '|', ' | ', '\t', '\n', '\r\n', '\r', ' ', '\u3000', '\u00a0', '\u200b', '\ufeff',
  '。', ';', '!', ',', '，', '、', '：', '(', ')', '（一）', '一、', '二、', '三、', '四、', '五、', '六、', '1.', '第1页', '- 3 -', '第 3 页 共 9 页',
  '合计', '总计', '自然人', '商业企业', '予以公开', '本年新收政府信息公开申请数量', '上年结转', '行政复议', '行政诉讼', '维持', '纠正',
  '注：本表数据来源于政府信息公开平台。', '其中,予以公开2件。', '共受理政府信息公开申请5件', '发布日期：2024-03-05', '统计期限自2024年1月1日起至2024年12月31日止',
  '報告', '開', '數(shù)', '勣', '𡻕', '瓛', '二噁英', '\u001b[2J', '\u001bc', '\u0000', '\ud800', '\udfff', '😀', '—', '/', '无', '元', '万元', '件',
];

/** A random text: a fixture mutated by inserting, deleting, duplicating and repeating pieces. */
function mutateText(base: string, next: () => number): string {
  let text = base;
  const operations = 1 + Math.floor(next() * 6);
  for (let count = 0; count < operations; count++) {
    const at = Math.floor(next() * (text.length + 1));
    const choice = next();
    if (choice < 0.45) {
      text = text.slice(0, at) + (PIECES[Math.floor(next() * PIECES.length)] as string) + text.slice(at);
    } else if (choice < 0.6) {
      text = text.slice(0, at) + text.slice(at + Math.floor(next() * 200));
    } else if (choice < 0.72) {
      const length = Math.floor(next() * 300);
      text = text.slice(0, at + length) + text.slice(at, at + length) + text.slice(at + length);
    } else if (choice < 0.8) {
      // A hostile run: one piece repeated (a few thousand times at most: a slice must stay fast).
      const piece = PIECES[Math.floor(next() * PIECES.length)] as string;
      text = text.slice(0, at) + piece.repeat(1 + Math.floor(next() * 1000)) + text.slice(at);
    } else if (choice < 0.9) {
      // A number changed.
      text = text.replace(/\d+/gu, (digits, offset: number) => (offset >= at && offset < at + 400 && next() < 0.3 ? String(Math.floor(next() * 100000)) : digits));
    } else {
      // Two lines swapped.
      const lines = text.split('\n');
      const a = Math.floor(next() * lines.length);
      const b = Math.floor(next() * lines.length);
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      text = lines.join('\n');
    }
  }
  return text;
}

const RULE_IDS = RULES.map((rule) => rule.meta.id);
const LEVELS = ['off', 'info', 'warning', 'error', 'warn', 'fatal', 0, null];

/** Random options, valid or not: what a caller might pass. */
function randomOptions(next: () => number): unknown {
  const choice = next();
  if (choice < 0.5) return { locale: next() < 0.5 ? 'zh-CN' : 'en' };
  if (choice < 0.6) return [undefined, null, 'en', 42, [], { locale: 'zh' }, { locale: null }, { rules: 'x' }][Math.floor(next() * 8)];
  const rules: Record<string, unknown> = {};
  for (let count = Math.floor(next() * 4); count > 0; count--) {
    const id = next() < 0.8 ? (RULE_IDS[Math.floor(next() * RULE_IDS.length)] as string) : 'no-such-rule';
    rules[id] = LEVELS[Math.floor(next() * LEVELS.length)];
  }
  return { rules, locale: next() < 0.9 ? 'en' : 'fr', ...(next() < 0.2 ? { maxPerTable: Math.floor(next() * 5) - 1 } : {}) };
}

/** Mutates a JSON value in place at a random path: a key dropped, a value replaced by another type. */
function mutateJson(value: unknown, next: () => number): unknown {
  const replacements = [null, undefined, -1, 1.5, 'x', '', [], {}, true, 1e308, '779.508355', { kind: 'count', value: -3 }];
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node !== 'object' || node === null) return next() < 0.2 ? replacements[Math.floor(next() * replacements.length)] : node;
    const keys = Object.keys(node);
    if (keys.length === 0 || depth > 8) return node;
    const key = keys[Math.floor(next() * keys.length)] as string;
    const record = node as Record<string, unknown>;
    const choice = next();
    if (choice < 0.15) delete record[key];
    else if (choice < 0.3) record[key] = replacements[Math.floor(next() * replacements.length)];
    else record[key] = walk(record[key], depth + 1);
    return node;
  };
  return walk(value, 0);
}

/** Random bytes around a fixture: flipped bytes, BOMs, NULs, truncation. */
function mutateBytes(base: Uint8Array, next: () => number): Uint8Array {
  const prefixes = [[], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x25, 0x50, 0x44, 0x46, 0x2d], [0x50, 0x4b, 0x03, 0x04]];
  const prefix = next() < 0.3 ? (prefixes[Math.floor(next() * prefixes.length)] as number[]) : [];
  const bytes = new Uint8Array(prefix.length + base.length);
  bytes.set(prefix, 0);
  bytes.set(base, prefix.length);
  for (let count = Math.floor(next() * 8); count > 0; count--) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
  return bytes.subarray(0, next() < 0.2 ? Math.floor(next() * bytes.length) : bytes.length);
}

/** Runs inputs `from` … `from + count - 1` of the campaign with the given seed. */
export function runSlice(options: {
  seed: number;
  from: number;
  count: number;
  fixtures: readonly string[];
  onInput?: (index: number) => void;
  /** Called with each text before it is checked (to keep the input of a hang). */
  onText?: (index: number, text: string) => void;
  /** Called every 1,000 inputs with the figures so far. */
  onProgress?: (stats: SliceStats) => void;
  /** How many findings of each kind to keep in full (10 unless told). */
  keep?: number;
}): SliceStats {
  const keep = options.keep ?? 10;
  const stats: SliceStats = { inputs: 0, throws: 0, hangs: 0, losses: 0, lostNumbers: 0, spanErrors: 0, slowest: 0, findings: [] };
  const encoder = new TextEncoder();
  const record = (finding: Finding): void => {
    if (finding.kind === 'throw') stats.throws++;
    else if (finding.kind === 'hang') stats.hangs++;
    else if (finding.kind === 'loss') stats.losses++;
    else stats.spanErrors++;
    if (stats.findings.filter((known) => known.kind === finding.kind).length < keep) stats.findings.push(finding);
  };
  const timed = <T>(index: number, entry: string, run: () => T): T | undefined => {
    const started = performance.now();
    try {
      return run();
    } catch (error) {
      record({ kind: 'throw', index, entry, detail: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error) });
      return undefined;
    } finally {
      const elapsed = performance.now() - started;
      if (elapsed > stats.slowest) stats.slowest = elapsed;
      if (elapsed > 1000) record({ kind: 'hang', index, entry, detail: `${Math.round(elapsed)} ms` });
    }
  };
  for (let index = options.from; index < options.from + options.count; index++) {
    options.onInput?.(index);
    if ((index - options.from) % 1000 === 999) options.onProgress?.(stats);
    const next = random(Math.imul(options.seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
    const base = options.fixtures[Math.floor(next() * options.fixtures.length)] as string;
    const choice = next();
    stats.inputs++;
    if (choice < 0.7) {
      const text = next() < 0.05 ? '' : mutateText(base, next);
      const checkOptions = randomOptions(next);
      options.onText?.(index, text);
      const checked = timed(index, 'checkText', () => checkText(text, checkOptions as never));
      if (!checked) continue;
      for (const error of spanErrors(text, checked.report, checked.diagnostics)) record({ kind: 'span', index, entry: 'checkText', detail: error });
      const lost = lostValues(text, checked.report);
      if (lost.length > 0) {
        stats.lostNumbers += lost.length;
        record({ kind: 'loss', index, entry: 'checkText', detail: `${lost.length} numbers, the first ${lost.slice(0, 3).map((run) => describeRun(text, run)).join('; ')}` });
      }
      timed(index, 'formatters', () => {
        const result = summarize(`f${index}.txt`, checked.diagnostics, { text, encoding: 'UTF-8' });
        formatStylishFile(result, { color: next() < 0.5, locale: next() < 0.5 ? 'en' : 'zh-CN' });
        JSON.stringify(jsonFileResult(result));
        const writer = createSarifWriter(next() < 0.5 ? {} : { toolVersion: '0.0.0', locale: 'en', baseUri: 'file:///w/' });
        JSON.parse(writer.start() + writer.add(result) + writer.finish([{ file: 'x', message: 'y' }]));
      });
    } else if (choice < 0.9) {
      const report = timed(index, 'checkText', () => checkText(mutateText(base, next)).report);
      if (!report) continue;
      const json = JSON.parse(JSON.stringify(serializeReport(report))) as unknown;
      const mutated = next() < 0.8 ? mutateJson(json, next) : [null, 1, 'x', [], {}][Math.floor(next() * 5)];
      const parsed = timed(index, 'parseReportJson', () => parseReportJson(mutated));
      if (parsed?.success) timed(index, 'checkReport(parsed)', () => checkReport(parsed.data, randomOptions(next) as never));
      timed(index, 'checkReport(raw)', () => checkReport(mutated as never, randomOptions(next) as never));
    } else {
      const bytes = mutateBytes(encoder.encode(base.slice(0, 4000)), next);
      const decoded = timed(index, 'decodeReport', () => decodeReport(bytes));
      if (decoded?.ok) timed(index, 'checkText(decoded)', () => checkText(decoded.text));
    }
  }
  return stats;
}
