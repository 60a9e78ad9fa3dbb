import type { Diagnostic, Localized } from '../diagnostics/index.js';

/**
 * The stable ids of fatal diagnostics: an input that could not be checked at all. They are not
 * rules (no level turns them off) but they are reported like findings, so that no input ever
 * disappears from the results.
 */
export type FatalRuleId = 'file-not-found' | 'file-unreadable' | 'file-undecodable' | 'file-unsupported' | 'target-empty';

/** What each fatal id means: SARIF describes them as notification descriptors, `--list-rules` lists them. */
export const FATAL_DIAGNOSTICS: readonly { readonly id: FatalRuleId; readonly description: Localized }[] = [
  {
    id: 'file-not-found',
    description: { 'zh-CN': '指定的文件不存在，未能检查。', en: 'The file named does not exist and was not checked.' },
  },
  {
    id: 'file-unreadable',
    description: {
      'zh-CN': '文件无法读取（权限、目录、过大等），未能检查。',
      en: 'The file could not be read (permissions, a directory, too large…) and was not checked.',
    },
  },
  {
    id: 'file-undecodable',
    description: {
      'zh-CN': '文件不是可识别编码的文本（二进制文件，或编码无法识别），未能检查。',
      en: 'The file is not text in an encoding xxgk-lint recognises (binary, or an unknown encoding) and was not checked.',
    },
  },
  {
    id: 'file-unsupported',
    description: {
      'zh-CN': '文件的格式（如 PDF、Word）尚不支持，未能检查。',
      en: 'The file is in a form xxgk-lint does not read (such as PDF or Word) and was not checked.',
    },
  },
  {
    id: 'target-empty',
    description: {
      'zh-CN': '指定的目录或通配符没有找到要检查的文件。',
      en: 'A directory or glob given yielded no file to check.',
    },
  },
];

/** A diagnostic saying an input could not be checked at all. */
export interface FatalDiagnostic extends Diagnostic {
  /** Always true: the file was not checked, its results are not a verdict on the report. */
  readonly fatal: true;
  /** One of the fatal ids. */
  readonly ruleId: FatalRuleId;
}

/** True for a {@link FatalDiagnostic}. */
export function isFatal(diagnostic: Diagnostic): diagnostic is FatalDiagnostic {
  return (diagnostic as { fatal?: unknown }).fatal === true;
}

/**
 * Builds a fatal diagnostic: severity `error`, no place in any text (there is none), the message
 * already rendered (`messageId` and `args` let a consumer render it again).
 */
export function fatalDiagnostic(ruleId: FatalRuleId, messageId: string, message: string, args: Readonly<Record<string, string | number>> = {}): FatalDiagnostic {
  return { ruleId, severity: 'error', fatal: true, messageId, args, message };
}
