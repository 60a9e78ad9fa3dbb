import { TEMPLATES } from '../catalog/index.js';
import type { SectionKey, TableKey } from '../catalog/index.js';
import type { ReportDocument } from '../document/model.js';
import { readTextDocument } from '../document/text/index.js';
import type { AnnualReport, Attachment, Figure, ReportMeta } from '../model/index.js';
import { compactOf } from './compact.js';
import { readCompleteness } from './completeness.js';
import { readFacts } from './facts.js';
import { readGridTables } from './grids/index.js';
import { readMeta } from './meta.js';
import { findSections, toReportSections } from './sections.js';
import { readTables } from './tables/index.js';
import type { TableReading, TableReadingContext } from './tables/index.js';
import { settleByNarrative } from './tables/settle.js';

const completenessOf = <T>(completeness: T | undefined): { completeness?: T } => (completeness !== undefined ? { completeness } : {});

/**
 * Reads a report's text (any of the published layouts) into the typed report. Never throws: what
 * cannot be read is recorded in the report (absent cells, unplaced values) for the rules to report.
 * The same as `parseDocument(readTextDocument(text))`. A `text` that is not a string (`null`,
 * `undefined`) is read as the empty text: the empty report, which `checkReport` reports as `not-a-report`.
 *
 * @example
 * ```ts
 * const report = parseReport(text);
 * report.meta.year?.value; // 2024
 * report.sections.map((section) => section.key); // ['overview', 'activeDisclosure', …]
 * ```
 */
export function parseReport(text: string): AnnualReport {
  return parseDocument(readTextDocument(typeof text === 'string' ? text : ''));
}

/**
 * Reads a document — from any front-end: text, HTML, PDF, Word — into the typed report.
 *
 * Stages: sections (and where the report ends) → metadata and format version → tables (from the
 * document's grids where it has them, otherwise from the text, placed by the catalog of that
 * format) → narrative facts. Every span in the result points into the document's original.
 * Never throws.
 */
export function parseDocument(document: ReportDocument): AnnualReport {
  const source = document.source;
  const structure = findSections(source);
  // Metadata and facts both read the report without its whitespace: made once, given to both.
  const compact = compactOf(source, structure.reportEnd);
  const meta = withHints(readMeta(source, structure, compact), document);
  const tableReading = readReportTables(document, {
    formatVersion: meta.formatVersion,
    sections: structure.sections.map(({ key, start, end }) => ({ key, start, end })),
  });
  const facts = readFacts(
    source,
    structure,
    {
      ...(meta.year !== undefined ? { year: meta.year.value } : {}),
      ...(meta.agency !== undefined ? { agency: meta.agency.value } : {}),
    },
    compact,
  );
  // Digits run together that the tables' sums leave open may be decided by a count the narrative states.
  const reading = settleByNarrative(source, tableReading, facts, meta.formatVersion);
  return {
    meta,
    sections: toReportSections(source, structure),
    tables: reading.tables,
    facts,
    unplaced: reading.unplaced,
    ...figuresOf(document, structure.sections),
    ...attachmentsOf(document, structure.sections),
    ...(document.problems.length > 0 ? { problems: document.problems.map(({ code, message, detail }) => (detail !== undefined ? { code, message, detail } : { code, message })) } : {}),
    // A document its front-end could not read is reported by its problem alone, not judged for what its text lacks.
    ...(document.problems.length === 0 ? completenessOf(readCompleteness(source, structure, meta.formatVersion, reading.tables, meta)) : {}),
    ...(reading.failure !== undefined ? { readerFailures: [{ stage: 'tables', message: reading.failure }] } : {}),
  };
}

type SectionRange = { readonly key: SectionKey; readonly start: number; readonly end: number };

/**
 * The section what stands at `start` is in. What stands at a section's end stands before the next
 * heading: it is that section's, not the next one's; what stands after the last section's end (an
 * image closing the article, past the report's last text) is the last section's.
 */
function sectionAt(sections: readonly SectionRange[], start: number): SectionKey | undefined {
  const found = sections.find((candidate) => start > candidate.start && start <= candidate.end);
  if (found !== undefined) return found.key;
  const last = sections[sections.length - 1];
  return last !== undefined && start > last.end ? last.key : undefined;
}

/** The document's images, each with the section it stands in; nothing when it has none. */
function figuresOf(document: ReportDocument, sections: readonly SectionRange[]): { figures?: Figure[] } {
  if (document.figures === undefined || document.figures.length === 0) return {};
  const figures = document.figures.map(({ start, span, target }): Figure => {
    const section = sectionAt(sections, start);
    return { ...(section !== undefined ? { section } : {}), ...(target !== undefined ? { target } : {}), span };
  });
  return { figures };
}

/** The files the document links to or embeds, each with the section it stands in; nothing when it names none. */
function attachmentsOf(document: ReportDocument, sections: readonly SectionRange[]): { attachments?: Attachment[] } {
  if (document.attachments === undefined || document.attachments.length === 0) return {};
  const attachments = document.attachments.map(({ name, target, start, span }): Attachment => {
    const section = sectionAt(sections, start);
    return section !== undefined ? { name, target, section, span } : { name, target, span };
  });
  return { attachments };
}

/** The metadata read from the text, with the form and what the front-end found outside the text. */
function withHints(meta: ReportMeta, document: ReportDocument): ReportMeta {
  const published = meta.publishedOn ?? (document.hints.publishedOn !== undefined ? { value: document.hints.publishedOn } : undefined);
  return { ...meta, form: document.form, ...(published !== undefined ? { publishedOn: published } : {}) };
}

/**
 * The tables from the document's grids, and from its text those the grids do not hold (a page
 * whose table 四 is written as a paragraph): each table is read from one place only.
 */
function readReportTables(document: ReportDocument, context: TableReadingContext): TableReading {
  if (document.grids.length === 0) return readTables(document.source, context);
  const fromGrids = readGridTables(document, context);
  const wanted = Object.keys(TEMPLATES[context.formatVersion].tables) as TableKey[];
  const missing = wanted.filter((key) => fromGrids.tables[key] === undefined);
  if (missing.length === 0) return fromGrids;
  const fromText = readTables(document.source, context);
  const tables = { ...fromGrids.tables };
  for (const key of missing) if (fromText.tables[key] !== undefined) Object.assign(tables, { [key]: fromText.tables[key] });
  const unplaced = [...fromGrids.unplaced, ...fromText.unplaced.filter((value) => value.table === undefined || missing.includes(value.table))];
  unplaced.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  const failure = fromGrids.failure ?? fromText.failure;
  return { tables, unplaced, ...(failure !== undefined ? { failure } : {}) };
}
