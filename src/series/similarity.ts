import type { Span } from '../model/index.js';
import type { NarrativeSentence } from './narrative.js';

/** A run of sentences copied from last year's report: where it is in each text, and its length. */
export interface CopiedPassage {
  /** Where it is in this year's report (from its first sentence's start to its last one's end). */
  readonly current: Span;
  /** Where it is in last year's report. */
  readonly previous: Span;
  /** Compared characters in the passage (Han characters, letters, digits). */
  readonly length: number;
  /** Sentences in the passage. */
  readonly sentences: number;
}

/** How much of this year's narrative repeats last year's. */
export interface TextSimilarity {
  /** Repeated characters over all compared characters of this year's narrative, 0 … 1. */
  readonly share: number;
  /** Compared characters of this year's narrative. */
  readonly compared: number;
  /** Of those, the characters in repeated sentences. */
  readonly repeated: number;
  /** Runs of repeated sentences that are consecutive in both reports, longest first. */
  readonly passages: readonly CopiedPassage[];
}

/** Characters per shingle: short enough for an edited sentence to keep most of its shingles, long enough not to match by chance. */
export const SHINGLE_LENGTH = 5;
/** The share of a sentence's shingles found in one sentence of last year's for the sentence to count as repeated. */
export const SENTENCE_CONTAINMENT = 0.8;

function shingles(key: string): string[] {
  const result: string[] = [];
  for (let index = 0; index + SHINGLE_LENGTH <= key.length; index++) result.push(key.slice(index, index + SHINGLE_LENGTH));
  return result.length > 0 ? result : [key];
}

/**
 * Compares this year's narrative with last year's, sentence by sentence: a sentence is repeated when
 * at least {@link SENTENCE_CONTAINMENT} of its shingles (overlapping runs of {@link SHINGLE_LENGTH}
 * compared characters) are in one sentence of last year's narrative — containment, not equality, so a
 * sentence copied with a word changed still counts, and digits are compared as `#` (a figure updated
 * is still a copied sentence). The share is weighted by length. Deterministic: ties go to the earlier
 * sentence.
 */
export function compareNarratives(current: readonly NarrativeSentence[], previous: readonly NarrativeSentence[]): TextSimilarity {
  const owners = new Map<string, number[]>();
  previous.forEach((sentence, index) => {
    for (const shingle of new Set(shingles(sentence.key))) {
      const list = owners.get(shingle);
      if (list) list.push(index);
      else owners.set(shingle, [index]);
    }
  });
  let compared = 0;
  let repeated = 0;
  // For each sentence of this year's: the sentence of last year's it repeats, or -1.
  const matches: number[] = current.map((sentence) => {
    compared += sentence.key.length;
    const own = shingles(sentence.key);
    const counts = new Map<number, number>();
    for (const shingle of own) for (const owner of owners.get(shingle) ?? []) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    let best = -1;
    let bestCount = 0;
    for (const [owner, count] of counts) {
      if (count > bestCount || (count === bestCount && owner < best)) {
        best = owner;
        bestCount = count;
      }
    }
    if (best < 0 || bestCount / own.length < SENTENCE_CONTAINMENT) return -1;
    repeated += sentence.key.length;
    return best;
  });
  const passages: CopiedPassage[] = [];
  for (let index = 0; index < current.length; ) {
    const first = matches[index] as number;
    if (first < 0) {
      index++;
      continue;
    }
    let end = index + 1;
    while (end < current.length && matches[end] === first + (end - index)) end++;
    const run = current.slice(index, end);
    passages.push({
      current: { ...(run[0] as NarrativeSentence).span, end: (run[run.length - 1] as NarrativeSentence).span.end },
      previous: { ...(previous[first] as NarrativeSentence).span, end: (previous[first + run.length - 1] as NarrativeSentence).span.end },
      length: run.reduce((total, sentence) => total + sentence.key.length, 0),
      sentences: run.length,
    });
    index = end;
  }
  passages.sort((a, b) => b.length - a.length || a.current.start - b.current.start);
  return { share: compared === 0 ? 0 : repeated / compared, compared, repeated, passages };
}
