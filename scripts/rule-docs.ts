/**
 * Renders docs/rules.md from the rule metadata, so the rule reference cannot drift from the rules:
 * test/docs.test.ts compares the committed file with this rendering (and rewrites it with
 * `UPDATE_RULE_DOCS=1`).
 */
import { SECTIONS } from '../src/catalog/index.js';
import type { FormatVersion, TableKey } from '../src/catalog/index.js';
import { columnLabel, rowLabel, sectionLabel, tableLabel } from '../src/diagnostics/index.js';
import type { Locale } from '../src/diagnostics/index.js';
import type { ExampleCellValue, RuleCategory, RuleExample, RuleMeta } from '../src/rules/index.js';
import { ENGINE_DIAGNOSTICS } from '../src/rules/index.js';

const CATEGORY: Readonly<Record<RuleCategory, string>> = {
  structure: '结构 structure',
  cells: '单元格 cells',
  arithmetic: '勾稽关系 arithmetic',
  narrative: '正文 narrative',
  series: '年度比较 series',
};

const SEVERITY: Readonly<Record<string, string>> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

/** Escapes text for a Markdown table cell. */
const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A cell address `table.row.column` in both languages, through the catalog's labels of the example's format. */
function addressLabel(address: string, locale: Locale, format: FormatVersion): string {
  const [table, ...rest] = address.split('.');
  const column = rest.pop() ?? '';
  const row = rest.join('.');
  const key = table as TableKey;
  return `${tableLabel(key, locale, format)} · ${rowLabel(key, row, locale, format)} · ${columnLabel(key, column, locale, format)}`;
}

function cellValue(value: ExampleCellValue): string {
  if (value === null) return '（删除 / removed）';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `${value}（金额 / amount）`;
  return 'blank' in value ? `“${value.blank}”（空白 / blank）` : `“${value.invalid}”（无效 / invalid）`;
}

/** The changes a structured example makes to the sample report, one line each. */
function exampleChanges(example: RuleExample): string[] {
  const lines: string[] = [];
  const meta = example.meta;
  // An example is the sample report in the current format unless it names another.
  const format = meta?.formatVersion ?? '2021';
  if (meta?.formatVersion !== undefined) lines.push(`格式 / format: \`${meta.formatVersion}\``);
  if (meta?.year === null) lines.push('无报告年度 / no reporting year');
  else if (meta?.year !== undefined) lines.push(`报告年度 / reporting year: ${meta.year}`);
  if (meta?.period) lines.push(`统计期限 / statistics period: “${meta.period.text}”${meta.period.blank ? '（未填写 / left blank）' : ''}`);
  if (meta?.agency === null) lines.push('无机关名称 / no agency');
  else if (meta?.agency !== undefined) lines.push(`机关 / agency: ${meta.agency}`);
  if (meta?.publishedOn === null) lines.push('无发布日期 / no publication date');
  else if (meta?.publishedOn !== undefined) lines.push(`发布日期 / published on: ${meta.publishedOn}`);
  for (const [address, value] of Object.entries(example.cells ?? {})) {
    lines.push(`\`${address}\` = ${cellValue(value)} — ${addressLabel(address, 'zh-CN', format)} / ${addressLabel(address, 'en', format)}`);
  }
  if (example.sections) {
    lines.push(`部分顺序 / sections in order: ${example.sections.map((key) => SECTIONS.find((section) => section.key === key)?.ordinal ?? key).join(' ')}`);
  }
  for (const section of example.dropSections ?? []) lines.push(`无 / without: ${sectionLabel(section, 'zh-CN')} / ${sectionLabel(section, 'en')}`);
  for (const table of example.dropTables ?? []) lines.push(`无 / without: ${tableLabel(table, 'zh-CN', format)} / ${tableLabel(table, 'en', format)}`);
  if (example.facts) {
    if (example.facts.length === 0) lines.push('正文未陈述任何事项 / the text states nothing');
    for (const fact of example.facts) lines.push(`正文 / text: “${fact.text}” (\`${fact.kind}\` = ${String(fact.value)})`);
  }
  if (example.blankTables) lines.push('各统计表的每一格均为空白 / every cell of the tables blank');
  for (const figure of example.figures ?? []) lines.push(`图片 / image${figure.section !== undefined ? ` in \`${figure.section}\`` : ''}`);
  for (const problem of example.problems ?? []) lines.push(`文件未能读取 / document not read: \`${problem.code}\` (${problem.message})`);
  for (const value of example.unplaced ?? []) {
    const where = [value.table, value.row].filter((part) => part !== undefined).join('.');
    lines.push(`未放入单元格的数值 / unplaced value: “${value.text}” (\`${value.reason}\`${where ? `, \`${where}\`` : ''})`);
  }
  return lines;
}

const textBlock = (text: string): string[] => ['', '  ```text', ...text.split('\n').map((line) => `  ${line}`), '  ```'];

function renderExample(example: RuleExample): string[] {
  const lines = [`- ${example.summary['zh-CN']} / ${example.summary.en}`];
  if (example.text !== undefined) lines.push(...textBlock(example.text));
  else {
    const changes = exampleChanges(example);
    if (changes.length === 0) lines.push('  - 示例报告本身 / the sample report as is');
    else lines.push(...changes.map((change) => `  - ${change}`));
  }
  const previous = example.previous;
  if (previous?.text !== undefined) lines.push('', '  上一年度报告 / last year’s report:', ...textBlock(previous.text));
  else if (previous) {
    const changes = exampleChanges({ summary: example.summary, ...(previous.cells ? { cells: previous.cells } : {}), ...(previous.meta ? { meta: previous.meta } : {}) });
    lines.push(...changes.map((change) => `  - 上一年度 / last year: ${change}`));
  }
  return lines;
}

function renderRule(meta: RuleMeta): string[] {
  return [
    `## \`${meta.id}\``,
    '',
    `- 类别 / Category: ${CATEGORY[meta.category]}`,
    `- 默认级别 / Default severity: ${SEVERITY[meta.defaultSeverity] ?? meta.defaultSeverity}`,
    '',
    meta.description['zh-CN'],
    '',
    meta.description.en,
    '',
    '### 消息 / Messages',
    '',
    '| id | 中文 | English |',
    '| --- | --- | --- |',
    ...Object.entries(meta.messages).map(([id, message]) => `| \`${id}\` | ${cell(message['zh-CN'])} | ${cell(message.en)} |`),
    '',
    '### 示例 / Examples',
    '',
    '报告 / Reported:',
    '',
    ...meta.examples.failing.flatMap(renderExample),
    '',
    '不报告 / Not reported:',
    '',
    ...meta.examples.passing.flatMap(renderExample),
    '',
  ];
}

/**
 * The rule reference (docs/rules.md) rendered from rule metadata: an index, then per rule its id,
 * category, default severity, description in Chinese and English, message templates, and its
 * failing and passing examples.
 */
export function renderRuleDocs(rules: readonly RuleMeta[]): string {
  const lines = [
    '# 规则 / Rules',
    '',
    '<!-- Generated from the rule metadata by scripts/rule-docs.ts. Do not edit: run `UPDATE_RULE_DOCS=1 npx vitest run test/docs.test.ts`. -->',
    '',
    '每条规则可在选项中单独设置级别或关闭，例如 `{ rules: { "section-order": "off" } }`；命令行为 `--rule section-order=off`。',
    '',
    'Each rule can be set to another level or turned off, e.g. `{ rules: { "section-order": "off" } }`, or `--rule section-order=off` on the command line.',
    '',
    '示例以内置的平衡示例报告为基础（2024 年度、2021 年格式：新收申请 4 件，予以公开 2 件，本机关不掌握 1 件，结转下年度 1 件；行政复议 1 件尚未审结；正文写明受理 4 件、未收取信息处理费），列出各示例对它所作的改动。',
    '',
    'Examples start from the built-in balanced sample report (2024, 2021 format: 4 new applications, 2 disclosed, 1 not held, 1 carried forward; 1 administrative review pending; its text states the 4 applications and that no processing fee was collected) and list what each example changes.',
    '',
    '年度比较规则（由 `checkSeries` 运行）的示例另有上一年度的示例报告：2023 年度，新收申请 3 件，无结转，无行政复议；`summary-mismatch` 的示例以它为唯一组成报告。',
    '',
    'The examples of the series rules (run by `checkSeries`) also have last year’s sample report: 2023, 3 new applications, none carried forward, no review; for `summary-mismatch` it is the one report the summary adds up.',
    '',
    '| 规则 / Rule | 类别 / Category | 默认级别 / Default severity |',
    '| --- | --- | --- |',
    ...rules.map((meta) => `| [\`${meta.id}\`](#${meta.id}) | ${CATEGORY[meta.category]} | ${SEVERITY[meta.defaultSeverity] ?? meta.defaultSeverity} |`),
    '',
    ...rules.flatMap(renderRule),
    '## 引擎诊断 / Engine diagnostics',
    '',
    '以下编号不属于任何规则，由检查引擎本身报告，始终为错误级别。',
    '',
    'These ids belong to no rule: the engine itself reports them, always as errors.',
    '',
    ...ENGINE_DIAGNOSTICS.flatMap((engine) => [`## \`${engine.id}\``, '', engine.description['zh-CN'], '', engine.description.en, '']),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
