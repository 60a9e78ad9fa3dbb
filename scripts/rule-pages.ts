/**
 * The documentation site's rule pages: one Markdown page per rule under docs/rules/, written by
 * hand (what it checks, why, how to fix, examples as report text) around a block rendered here
 * from the rule's metadata, and the index page docs/guides/rules.md, rendered whole.
 * test/rule-pages.test.ts keeps both in step with the metadata (and rewrites them with
 * `UPDATE_RULE_DOCS=1`), and runs every example.
 */
import type { RuleCategory, RuleMeta } from '../src/rules/index.js';
import { ENGINE_DIAGNOSTICS } from '../src/rules/index.js';

const CATEGORY: Readonly<Record<RuleCategory, string>> = {
  structure: '结构 structure',
  cells: '单元格 cells',
  arithmetic: '勾稽关系 arithmetic',
  narrative: '正文 narrative',
  series: '跨年度 series',
};

const SEVERITY: Readonly<Record<string, string>> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

/** Where the generated block of a rule page starts and ends. */
export const BLOCK_START = '<!-- rule-meta:start — generated from the rule metadata by scripts/rule-pages.ts; do not edit -->';
/** The end of the generated block. */
export const BLOCK_END = '<!-- rule-meta:end -->';

// The site's path of a rule page is the library's (the HTML report and SARIF link to it).
export { RULE_PAGE_PATH } from '../src/format/docs-url.js';

const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The generated block of a rule's page: category, default severity, both descriptions, message templates. */
export function renderRuleBlock(meta: RuleMeta): string {
  return [
    BLOCK_START,
    '',
    `| 类别 Category | 默认级别 Default severity | 关闭 Turn off |`,
    '| --- | --- | --- |',
    `| ${CATEGORY[meta.category]} | ${SEVERITY[meta.defaultSeverity] ?? meta.defaultSeverity} | \`--rule ${meta.id}=off\` |`,
    '',
    meta.description['zh-CN'],
    '',
    meta.description.en,
    '',
    '| 消息 Message | 中文 | English |',
    '| --- | --- | --- |',
    ...Object.entries(meta.messages).map(([id, message]) => `| \`${id}\` | ${cell(message['zh-CN'])} | ${cell(message.en)} |`),
    '',
    BLOCK_END,
  ].join('\n');
}

/** A page with its generated block replaced by the current rendering (or `undefined` when it has no block). */
export function refreshRulePage(page: string, meta: RuleMeta): string | undefined {
  const start = page.indexOf(BLOCK_START);
  const end = page.indexOf(BLOCK_END);
  if (start < 0 || end < start) return undefined;
  return page.slice(0, start) + renderRuleBlock(meta) + page.slice(end + BLOCK_END.length);
}

/**
 * A report-text example of a rule page: the report, and for the rules that compare reports, last
 * year's report (a `text previous` block just before it) or the reports a summary adds up (`text
 * part` blocks just before it).
 */
export interface PageExample {
  /** This year's report text (or, for `summary-mismatch`, the summary's). */
  readonly text: string;
  /** Last year's report text, for the rules that compare two years. */
  readonly previous?: string;
  /** The reports the summary adds up, for `summary-mismatch`. */
  readonly parts: readonly string[];
}

/** The examples of a rule page. */
export interface PageExamples {
  /** Report text the rule must report (fenced blocks marked `text incorrect`). */
  readonly incorrect: PageExample[];
  /** Report text the rule must not report (`text correct`). */
  readonly correct: PageExample[];
  /** Files the rule must report, for rules about files rather than text (`file incorrect`: one path per line, from the repository root). */
  readonly incorrectFiles: string[];
  /** Files the rule must not report (`file correct`). */
  readonly correctFiles: string[];
  /** `text previous` and `text part` blocks followed by no example they could belong to (a mistake of the page). */
  readonly dangling: number;
}

/**
 * The examples of a rule page: fenced blocks marked `text incorrect`, `text correct`, `file
 * incorrect`, `file correct`; a `text previous` block (last year's report) or `text part` blocks
 * (the parts of a summary) belong to the `text incorrect` or `text correct` block that follows them.
 */
export function pageExamples(page: string): PageExamples {
  const incorrect: PageExample[] = [];
  const correct: PageExample[] = [];
  const incorrectFiles: string[] = [];
  const correctFiles: string[] = [];
  let previous: string | undefined;
  let parts: string[] = [];
  for (const match of page.matchAll(/^```(text|file) (incorrect|correct|previous|part)\n([^]*?)^```$/gm)) {
    const body = match[3] as string;
    const role = match[2] as 'incorrect' | 'correct' | 'previous' | 'part';
    if (match[1] === 'file') {
      if (role === 'incorrect' || role === 'correct') (role === 'incorrect' ? incorrectFiles : correctFiles).push(...body.split('\n').filter((line) => line.trim() !== ''));
      continue;
    }
    if (role === 'previous') previous = body;
    else if (role === 'part') parts.push(body);
    else {
      (role === 'incorrect' ? incorrect : correct).push({ text: body, ...(previous !== undefined ? { previous } : {}), parts });
      previous = undefined;
      parts = [];
    }
  }
  return { incorrect, correct, incorrectFiles, correctFiles, dangling: (previous !== undefined ? 1 : 0) + parts.length };
}

/** The rules index page (docs/guides/rules.md): every rule linked to its page, and the engine's own ids. */
export function renderRulesIndex(rules: readonly RuleMeta[]): string {
  return [
    '---',
    'title: 规则 Rules',
    'category: 指南 Guides',
    'children:',
    ...rules.map((meta) => `  - ../rules/${meta.id}.md`),
    '---',
    '',
    '<!-- Generated from the rule metadata by scripts/rule-pages.ts. Do not edit: run `UPDATE_RULE_DOCS=1 npx vitest run test/rule-pages.test.ts`. -->',
    '',
    '# 规则 Rules',
    '',
    '每条规则一页：检查什么、为什么（条例和格式的原文）、如何修改，以及以报告原文写成的错误和正确示例——测试会逐一运行这些示例。',
    '级别可按规则调整或关闭：库中为 `checkReport(report, { rules: { "section-order": "off" } })`，命令行为 `--rule section-order=off`。' +
      '规则的级别是它报告的最高级别：规则自己评为较低级别的问题仍保持较低级别（`--rule 规则=error` 不会把警告升为错误）；要让警告也使 CI 失败，用 `--max-warnings 0`。',
    '',
    'One page per rule: what it checks, why (in the words of the regulation and the format), how to fix it, and incorrect and correct examples written as report text, each run by the test suite.',
    'Set a rule to another level or turn it off with `checkReport(report, { rules: { "section-order": "off" } })`, or `--rule section-order=off` on the command line.' +
      ' A rule\'s level is the highest severity it reports: findings the rule itself rates lower stay lower (`--rule <id>=error` does not raise its warnings); to fail CI on warnings, use `--max-warnings 0`.',
    '',
    '| 规则 Rule | 类别 Category | 默认级别 Default | 说明 |',
    '| --- | --- | --- | --- |',
    ...rules.map((meta) => `| [\`${meta.id}\`](../rules/${meta.id}.md) | ${CATEGORY[meta.category]} | ${SEVERITY[meta.defaultSeverity] ?? meta.defaultSeverity} | ${cell(meta.description['zh-CN'])} |`),
    '',
    '## 引擎诊断 Engine diagnostics',
    '',
    '以下编号不属于任何规则，由检查引擎本身报告，始终为错误级别。These ids belong to no rule: the engine itself reports them, always as errors.',
    '',
    ...ENGINE_DIAGNOSTICS.map((engine) => `- \`${engine.id}\` — ${engine.description['zh-CN']} ${engine.description.en}`),
    '',
  ].join('\n');
}
