/**
 * What the rules of one run over one report work out in common, worked out once: several rules
 * read the same table the same way (the three sum rules of table 三 each locate the fault of the
 * same table), and each did it anew.
 *
 * The memo lives only while the engine runs the rules over a report ({@link withRunMemo}): rules
 * must not mutate the report, so what is derived from it holds for the whole run, and a report
 * changed between two runs is never read from an old memo. A rule's `check` called outside the
 * engine (a test, a caller's own loop) finds no memo and works everything out itself, as before.
 *
 * @packageDocumentation
 */
import type { TableKey, Template } from '../../catalog/index.js';
import type { AnnualReport } from '../../model/index.js';
import type { FaultVerdict } from './locate.js';

/** What the rules of the run in progress have worked out about its report. */
export interface RunMemo {
  /** The report the run checks. */
  readonly report: AnnualReport;
  /** The template it is checked against. */
  readonly template: Template;
  /** The verdict of locating the fault of each table, once a sum rule has asked for it. */
  readonly verdicts: Map<TableKey, FaultVerdict | undefined>;
}

let active: RunMemo | undefined;

/**
 * Runs `run` with a memo for `report` checked against `template`: the memo of an enclosing run (a
 * rule that runs rules itself) is restored afterwards, whether `run` returns or throws.
 */
export function withRunMemo<T>(report: AnnualReport, template: Template, run: () => T): T {
  const enclosing = active;
  active = { report, template, verdicts: new Map() };
  try {
    return run();
  } finally {
    active = enclosing;
  }
}

/** The memo of the run in progress when it checks this report against this template; else undefined. */
export function runMemoOf(report: AnnualReport, template: Template): RunMemo | undefined {
  return active !== undefined && active.report === report && active.template === template ? active : undefined;
}
