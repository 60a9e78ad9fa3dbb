/**
 * The table reader: finds tables 二, 三 and 四 in a report's text, in any published layout, and
 * places every value in the template's cells (catalog rows and columns), with the span of the
 * characters that hold it. Whatever it cannot place with certainty it reports as unplaced.
 *
 * Stages: regions (sections, or anchors) → tokens (text and values, with the separators between
 * them) → labels aligned with the catalog rows in order → value runs cut by each row's column count.
 *
 * @packageDocumentation
 */
import { TABLE_KEYS, TEMPLATES } from '../../catalog/index.js';
import type { FormatVersion, SectionKey, TableDefinition, TableKey } from '../../catalog/index.js';
import type { AnyTable, ReportTables, UnplacedValue } from '../../model/index.js';
import type { SourceText } from '../source.js';
import { readTable } from './reader.js';
import type { RunAmbiguity, TableReadResult, TableRegion } from './reader.js';

export type { RunAmbiguity } from './reader.js';
import { brokenHeadingAt, planRegions, sentenceStartBefore } from './regions.js';
import { valueLinesOutsideTables } from './stray.js';
import { unreadValues } from './unread.js';
import type { ReadRegion } from './unread.js';
import type { Place } from './layout.js';

/** A section as the section reader located it, in normalized-text offsets. */
export interface LocatedSection {
  /** Which template section. */
  readonly key: SectionKey;
  /** Offset of the heading's first character in the normalized text. */
  readonly start: number;
  /** Offset just past the section's end (the next section's heading, or the end of the report). */
  readonly end: number;
}

/** What the table reader needs to know besides the text. */
export interface TableReadingContext {
  /** The format the report was recognised as; decides which template's rows are expected. */
  readonly formatVersion: FormatVersion;
  /** The sections found, in text order. */
  readonly sections: readonly LocatedSection[];
}

/** What the table reader found: the tables (each may be absent) and every number it could not place. */
export interface TableReading {
  /** The tables read. */
  readonly tables: ReportTables;
  /** Numbers inside a table region that could not be placed in a cell. */
  readonly unplaced: UnplacedValue[];
  /** Set when the reader itself failed (a defect): the tables are then not read, and the failure is reported. */
  readonly failure?: string;
  /** Runs of digits the tables' sums leave with several readings (each also in `unplaced`): what the narrative may decide. */
  readonly ambiguities?: readonly RunAmbiguity[];
}

/**
 * Reads the statistics tables of the report's format (`TEMPLATES[formatVersion].tables`: none for
 * pre-2019 reports, tables 三 and 四 for the 2019 format, all three otherwise). Each table is read
 * in its section, or — when the section reader missed it — around the first text only that table
 * contains. Never throws; linear in the length of the text.
 *
 * @example
 * ```ts
 * const source = normalize(text);
 * const { tables, unplaced } = readTables(source, { formatVersion: '2021', sections: [] });
 * tables.applications?.rows.received?.cells.total; // { kind: 'count', value: 16, span: … }
 * ```
 */
export function readTables(source: SourceText, context: TableReadingContext): TableReading {
  try {
    return readAll(source, context);
  } catch (error) {
    // A reader defect must not take the whole check down, nor pass unnoticed: it is reported.
    return { tables: {}, unplaced: [], failure: error instanceof Error ? error.message : String(error) };
  }
}

function readAll(source: SourceText, context: TableReadingContext): TableReading {
  const template = TEMPLATES[context.formatVersion] ?? TEMPLATES.unknown;
  const wanted: { key: TableKey; definition: TableDefinition }[] = [];
  for (const key of TABLE_KEYS) {
    const definition = template.tables[key];
    if (definition) wanted.push({ key, definition });
  }
  const tables: Partial<Record<TableKey, AnyTable>> = {};
  const unplaced: UnplacedValue[] = [];
  const ambiguities: RunAmbiguity[] = [];
  if (wanted.length === 0) return { tables, unplaced };

  const text = source.text;
  const plans = planRegions(
    text,
    wanted.map((table) => table.definition),
    context.sections,
  );
  let previousStop = 0;
  const read: ReadRegion[] = [];
  const accounted: Place[] = [];
  // Every stretch a table was read in: a line of values outside all of them is reported at the end.
  const readIn: Place[] = [];
  wanted.forEach(({ key, definition }, index) => {
    const plan = plans[index];
    if (!plan) return;
    // Where the next table certainly begins: its section heading, or its first anchor.
    let nextStart = text.length;
    for (const later of plans.slice(index + 1)) {
      const start = later.sectionStart >= 0 ? later.sectionStart : later.anchor;
      if (start >= 0) {
        nextStart = start;
        break;
      }
    }
    const regions: TableRegion[] = [];
    // Regions that begin at the table's heading: all their values are the table's.
    const headed = new Set<TableRegion>();
    if (plan.sectionStart >= 0) {
      const region = { start: plan.sectionStart, end: nextStart > plan.sectionStart ? Math.min(plan.sectionEnd, nextStart) : plan.sectionEnd };
      regions.push(region);
      headed.add(region);
    }
    // A heading the section reader could not name ("二、主动公开政府信2", "二、主动0"): the table's
    // section still begins there, so the values between it and the table's first label are the table's.
    const heading = plan.sectionStart < 0 ? brokenHeadingAt(text, definition, context.sections, previousStop, plan.anchor >= 0 ? plan.anchor : nextStart) : -1;
    if (heading >= 0 && plan.anchor < 0) {
      const region = { start: heading, end: nextStart };
      regions.push(region);
      headed.add(region);
    }
    if (plan.anchor >= 0) {
      const start = heading >= 0 ? heading : Math.min(plan.anchor, Math.max(sentenceStartBefore(text, plan.anchor), previousStop));
      // Without its own heading the table ends at the next section's (a sentence inside it, as a
      // line moved there, then ends its reading, and what follows is reported); without that either,
      // where the narrative resumes (the first 。).
      const sentenceEnd = text.indexOf('。', plan.anchor);
      const end = nextStart > plan.anchor ? nextStart : text.length;
      const region = plan.anchorEnd > plan.anchor ? { start, end: Math.min(end, plan.anchorEnd) } : { start, end: sentenceEnd >= 0 ? Math.min(end, sentenceEnd + 1) : end };
      regions.push(region);
      if (heading >= 0) headed.add(region);
    }
    // A broken heading of the table ("二、主动公维持开政府信息情况") before the one the section reader
    // named: a copy of the table stands under it, in the section before (一 is read as narrative). The
    // named section's table is the one read; the copy's values are reported, once, never dropped.
    const brokenBefore = plan.sectionStart >= 0 ? brokenHeadingAt(text, definition, context.sections, previousStop, plan.sectionStart) : -1;
    if (brokenBefore >= 0) {
      const copy = readTable(source, key, definition, { start: brokenBefore, end: plan.sectionStart }, template.relations);
      readIn.push({ start: brokenBefore, end: plan.sectionStart });
      if (copy.table) read.push({ table: key, tokens: copy.tokens, from: brokenBefore, stop: brokenBefore });
    }
    let result: TableReadResult | undefined;
    // Where values start to count as the table's: from its section heading, or — in a region found
    // around an anchor, which begins before the table — from the table's first label.
    let from = -1;
    for (const region of regions) {
      result = readTable(source, key, definition, region, template.relations);
      readIn.push(region);
      // A region around an anchor whose table could not be started (its labels lost or buried in
      // hostile text) still holds the table's values from the anchor on: text only this table contains.
      // A table started after its anchor (the anchor's row buried in a broken line) holds the values from the anchor on too.
      const anchorInside = plan.anchor >= 0 && region.start <= plan.anchor && plan.anchor < region.end;
      from = headed.has(region) ? region.start : result.contentStart >= 0 ? (anchorInside ? Math.min(result.contentStart, plan.anchor) : result.contentStart) : anchorInside ? plan.anchor : -1;
      if (result.table) break;
    }
    if (!result?.table) {
      // No table found, but a region too long to read in full: its unread rest is still reported.
      for (const value of result?.unplaced ?? []) unplaced.push(value);
      // Its values are still the table's region's: the last stage reports those nothing placed.
      if (result && from >= 0) {
        read.push({ table: key, tokens: result.tokens, from, stop: result.stop, ...(result.unreadRow !== undefined ? { unreadRow: result.unreadRow } : {}) });
        for (const place of result.accounted) accounted.push(place);
      }
      return;
    }
    tables[key] = result.table;
    read.push({ table: key, tokens: result.tokens, from: Math.max(0, from), stop: result.stop, ...(result.unreadRow !== undefined ? { unreadRow: result.unreadRow } : {}) });
    for (const place of result.accounted) accounted.push(place);
    for (const value of result.unplaced) unplaced.push(value);
    for (const ambiguity of result.ambiguities) ambiguities.push(ambiguity);
    previousStop = result.stop;
  });
  // Whatever value of a table region no stage placed or reported is reported now: nothing is dropped.
  for (const value of unreadValues(source, read, accounted)) unplaced.push(value);
  for (const value of valueLinesOutsideTables(source, context.sections, readIn)) unplaced.push(value);
  unplaced.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { tables: tables as ReportTables, unplaced, ...(ambiguities.length > 0 ? { ambiguities } : {}) };
}
