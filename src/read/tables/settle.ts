/**
 * Runs of digits the tables' own sums leave with several readings may be decided by a count the
 * narrative states for one of their cells ("现行有效行政规范性文件698件" decides 8855698 as 88/55/698).
 * Only a count that equals one cell alone decides; a reading is kept only when it agrees with it.
 *
 * @packageDocumentation
 */
import { TEMPLATES, narrativeCountIn } from '../../catalog/index.js';
import type { FormatVersion } from '../../catalog/index.js';
import type { AnyTable, Fact } from '../../model/index.js';
import type { SourceText } from '../source.js';
import { cellFor } from './cells.js';
import type { TableReading } from './index.js';
import { LISTED_READINGS, agreedPlaces, cutPlaces } from './split.js';
import type { Reading } from './split.js';


/**
 * Decides what the stated counts decide among the readings of `reading.ambiguities`: the cells every
 * remaining reading agrees on are placed (and marked inferred), the run's finding keeps the rest.
 * Returns the reading with those changes; never throws.
 */
export function settleByNarrative(source: SourceText, reading: TableReading, facts: readonly Fact[], formatVersion: FormatVersion): TableReading {
  const ambiguities = reading.ambiguities ?? [];
  if (ambiguities.length === 0) return reading;
  const stated = new Map<string, number>();
  for (const fact of facts) {
    if (fact.kind === 'processingFeeCollected') continue;
    const where = narrativeCountIn(fact.kind, formatVersion);
    const cell = where?.cells[0];
    // A count over several cells, or one with another accepted reading, decides no single cell.
    if (!where || !cell || where.cells.length > 1 || where.alsoWith) continue;
    const key = `${where.table}.${cell.row}.${cell.column}`;
    // Two statements that disagree decide nothing.
    if (stated.has(key) && stated.get(key) !== fact.value) stated.set(key, -1);
    else stated.set(key, fact.value);
  }
  const template = TEMPLATES[formatVersion];
  const removed = new Set<object>();
  for (const ambiguity of ambiguities) {
    const table = ambiguity.unplaced.table;
    const tableRows = table ? (reading.tables[table] as AnyTable | undefined)?.rows : undefined;
    if (!table || !tableRows) continue;
    let readings: readonly Reading[] = ambiguity.readings;
    ambiguity.run.slots.forEach((slot, position) => {
      const value = stated.get(`${table}.${slot.row}.${slot.column}`);
      if (value === undefined || value < 0) return;
      const agreeing = readings.filter((candidate) => {
        const place = cutPlaces(ambiguity.places, candidate)[position];
        return place !== undefined && Number(source.text.slice(place.start, place.end)) === value;
      });
      if (agreeing.length > 0) readings = agreeing;
    });
    if (readings.length === ambiguity.readings.length) continue;
    const agreed = agreedPlaces(ambiguity.places, readings);
    const undecided: string[] = [];
    agreed.forEach((place, position) => {
      const slot = ambiguity.run.slots[position];
      if (!slot) return;
      const row = tableRows[slot.row];
      if (!place || !row) {
        undecided.push(`${slot.row}.${slot.column}`);
        return;
      }
      const unit = template.tables[table]?.rows.find((candidate) => candidate.key === slot.row)?.columns.find((column) => column.key === slot.column)?.unit ?? 'count';
      row.cells[slot.column] = cellFor(source.text, place.start, place.end, source, unit, source.span(place.start, place.end));
      row.valuesInferred = true;
    });
    if (undecided.length === 0) removed.add(ambiguity.unplaced);
    else {
      ambiguity.unplaced.cells = undecided;
      ambiguity.unplaced.readings = readings
        .slice(0, LISTED_READINGS)
        .map((candidate) => cutPlaces(ambiguity.places, candidate).map((place) => source.text.slice(place.start, place.end)));
    }
  }
  if (removed.size === 0) return reading;
  return { ...reading, unplaced: reading.unplaced.filter((value) => !removed.has(value)) };
}
