import type { Diagnostic } from '../diagnostics/index.js';

// FNV-1a over 32 bits, twice with different offsets: a stable, dependency-free 64-bit hash for
// fingerprints (not for security). The core runs in browsers, so node:crypto is not an option.
function fnv1a(text: string, seed: number): string {
  let hash = seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

// Only what names the finding's place goes into a fingerprint — the rule, the message, the
// catalog keys (table, row, column, section, relation) and the text a narrative finding quotes —
// never line numbers or offsets, and never the counts and sums, which change from one edition of a
// report to the next while the finding stays the same one.
const PLACE_ARGS = ['table', 'row', 'column', 'columns', 'section', 'relation', 'text'] as const;

// A sum that does not hold is the same finding whether the message can name the cell to correct
// (`mismatch-suggested`, `mismatch-swapped`) or not (`mismatch-ambiguous`, `mismatch-unexplained`):
// a fault elsewhere in the table changes which, and must not make a known finding new.
const SUM_VARIANT = /^mismatch-/;
const findingOf = (messageId: string): string => (SUM_VARIANT.test(messageId) ? 'mismatch' : messageId);

/**
 * The content fingerprint of a finding: 16 hex digits from its rule, message id and place in the
 * template (table, row, column, section, relation, quoted text). Inserting lines above a finding
 * or changing the numbers it reports leaves the fingerprint as it was; moving it to another cell
 * changes it. Baselines and SARIF `partialFingerprints` both use it.
 */
export function contentFingerprint(diagnostic: Diagnostic): string {
  const places = PLACE_ARGS.map((name) => String(diagnostic.args[name] ?? ''));
  const key = [diagnostic.ruleId, findingOf(diagnostic.messageId), diagnostic.table ?? '', diagnostic.row ?? '', diagnostic.column ?? '', ...places].join('\u0000');
  return fnv1a(key, 0x811c9dc5) + fnv1a(key, 0x050c5d1f);
}

/**
 * The fingerprints of a file's findings, in their order, each with its occurrence among equal
 * fingerprints (`…:1`, `…:2`): two findings at the same place stay two.
 */
export function occurrenceFingerprints(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const fingerprint = contentFingerprint(diagnostic);
    const occurrence = (seen.get(fingerprint) ?? 0) + 1;
    seen.set(fingerprint, occurrence);
    return `${fingerprint}:${occurrence}`;
  });
}
