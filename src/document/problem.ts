import { normalize } from '../read/source.js';
import type { DocumentForm, DocumentProblem, ReportDocument } from './model.js';

/**
 * A document a front-end could not read at all: no text, no grids, and the problem that says why
 * (the rules report it once instead of a missing section per heading).
 */
export function unreadDocument(form: DocumentForm, problem: DocumentProblem): ReportDocument {
  return { form, source: normalize(''), blocks: [], grids: [], hints: {}, problems: [problem] };
}
