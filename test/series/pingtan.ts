/**
 * The Pingtan series of the corpus (one agency, 平潭综合实验区, over four years): its texts, and typed
 * reports built from the hand-read ground truth (test/fixtures/corpus/truth), since the text reader
 * cannot yet decide every run-together cell of these pages.
 */
import { createReport, setCell } from '../../src/model/index.js';
import type { AnnualReport } from '../../src/model/index.js';
import type { SeriesReport } from '../../src/rules/index.js';
import { parseReport } from '../../src/read/index.js';
import { fixtureText } from '../support/fixtures.js';

/** The corpus files of the series, with their reporting year. */
export const PINGTAN = [
  { id: '006', year: 2019 },
  { id: '004', year: 2021 },
  { id: '005', year: 2022 },
  { id: '010', year: 2024 },
] as const;

export type PingtanId = (typeof PINGTAN)[number]['id'];

interface Truth {
  readonly formatVersion: '2019' | '2021';
  readonly tables: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>>;
}

/** The ground truth of a corpus file. */
export function truthOf(id: PingtanId): Truth {
  return JSON.parse(fixtureText(`corpus/truth/${id}.json`)) as Truth;
}

/** A typed report of the series from its ground truth: the agency as the reader reads it, the year, every cell of the truth. */
export function truthReport(id: PingtanId): AnnualReport {
  const { year } = PINGTAN.find((entry) => entry.id === id) as (typeof PINGTAN)[number];
  const truth = truthOf(id);
  const report = createReport({ year, agency: '平潭综合实验区', formatVersion: truth.formatVersion });
  for (const [table, rows] of Object.entries(truth.tables)) {
    for (const [row, cells] of Object.entries(rows)) {
      for (const [column, value] of Object.entries(cells)) {
        // The fee amount is a decimal (万元); every other cell a count.
        setCell(report, `${table}.${row}.${column}`, column === 'amountWanYuan' ? value : Number(value));
      }
    }
  }
  return report;
}

/** A report of the series as the CLI would give it: read from its text, with the text and its file name. */
export function parsedEntry(id: PingtanId, text: string = fixtureText(`corpus/${id}.txt`), uri = `${id}.txt`): SeriesReport {
  return { report: parseReport(text), text, uri };
}
