/**
 * Renders docs/reference/annual-report.md — the fields of {@link AnnualReport} from its JSON Schema
 * and every valid row and column key from the catalog — so the page cannot drift from the model:
 * test/model-docs.test.ts compares the committed file with this rendering (and rewrites it with
 * `UPDATE_RULE_DOCS=1`).
 */
import { TABLES, TABLE_KEYS } from '../src/catalog/index.js';
import type { FormatVersion, TableDefinition, Unit } from '../src/catalog/index.js';
import { ACTIVE_DISCLOSURE_TABLE_2019, APPLICATIONS_TABLE_2019 } from '../src/catalog/index.js';
import { columnLabel, rowLabel } from '../src/diagnostics/index.js';

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly oneOf?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly description?: string;
  readonly format?: string;
  readonly propertyNames?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly minimum?: number;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly title?: string;
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const defName = (ref: string): string => ref.replace('#/$defs/', '');

/** A type as a reader of the page wants it: `Span`, `string[]`, `"count"`, `integer ≥ 0` … */
function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return `[\`${defName(schema.$ref)}\`](#${defName(schema.$ref).toLowerCase()})`;
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.length > 8 ? `string (${schema.enum.length} keys, below)` : schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' \\| ');
  if (schema.oneOf ?? schema.anyOf) return (schema.oneOf ?? schema.anyOf ?? []).map(typeOf).join(' \\| ');
  if (schema.type === 'array' && schema.items) return `${typeOf(schema.items)}[]`;
  if (schema.type === 'object' && schema.propertyNames) {
    const values = schema.additionalProperties && typeof schema.additionalProperties === 'object' ? typeOf(schema.additionalProperties) : 'object';
    return `{ [key]: ${values} }`;
  }
  if (schema.type === 'object' && schema.properties) return `{ ${Object.keys(schema.properties).join(', ')} }`;
  const base = Array.isArray(schema.type) ? schema.type.join(' \\| ') : (schema.type ?? 'any');
  if (schema.format) return `${base} (${schema.format})`;
  if (schema.minimum !== undefined) return `${base} ≥ ${schema.minimum}`;
  return String(base);
}

function fields(name: string, schema: JsonSchema): string[] {
  const lines = [`### ${name}`, ''];
  if (schema.description) lines.push(schema.description, '');
  if (schema.oneOf ?? schema.anyOf) {
    lines.push(`One of / 其一: ${typeOf(schema)}`, '');
    return lines;
  }
  if (!schema.properties) {
    lines.push(`Type / 类型: ${typeOf(schema)}`, '');
    return lines;
  }
  const required = new Set(schema.required ?? []);
  lines.push('| 字段 Field | 类型 Type | 必有 Required | 说明 Description |', '| --- | --- | --- | --- |');
  for (const [key, property] of Object.entries(schema.properties)) {
    lines.push(`| \`${key}\` | ${typeOf(property)} | ${required.has(key) ? '✓' : ''} | ${cell(property.description ?? '')} |`);
  }
  lines.push('');
  return lines;
}

const UNITS: Readonly<Record<Unit, string>> = {
  count: '件 count',
  signedCount: '增减，可为负 change, may be negative',
  wanYuan: '万元 10,000 yuan',
  amount: '金额 amount',
};

// Each format's rows and columns under the labels that format prints.
function keys(definition: TableDefinition, format: FormatVersion, note = ''): string[] {
  const key = definition.key as (typeof TABLE_KEYS)[number];
  const columns = [...new Map(definition.rows.flatMap((row) => row.columns).map((column) => [column.key, column] as const)).values()];
  return [
    `### ${key} — 表${definition.ordinal} ${definition.title}${note}`,
    '',
    '| 行 Row key | 中文 | English | 列 Columns |',
    '| --- | --- | --- | --- |',
    ...definition.rows.map((row) => `| \`${row.key}\` | ${cell(rowLabel(key, row.key, 'zh-CN', format))} | ${cell(rowLabel(key, row.key, 'en', format))} | ${row.columns.map((column) => `\`${column.key}\``).join(' ')} |`),
    '',
    '| 列 Column key | 中文 | English | 单位 Unit |',
    '| --- | --- | --- | --- |',
    ...columns.map((column) => `| \`${column.key}\` | ${cell(columnLabel(key, column.key, 'zh-CN', format))} | ${cell(columnLabel(key, column.key, 'en', format))} | ${UNITS[column.unit]} |`),
    '',
  ];
}

/** The page: the report's fields, type by type, then every row and column key by table. */
export function renderModelDocs(schema: JsonSchema): string {
  const lines = [
    '---',
    'title: AnnualReport 字段与键 Fields and keys',
    '---',
    '',
    '<!-- Generated from schema/annual-report.schema.json and the catalog by scripts/model-docs.ts. Do not edit: run `UPDATE_RULE_DOCS=1 npx vitest run test/model-docs.test.ts`. -->',
    '',
    '# AnnualReport 字段与键 Fields and keys',
    '',
    '`checkText` 读出的报告（`AnnualReport`）与其 JSON 形式（`serializeReport` / `parseReportJson`，JSON Schema 见 `schema/annual-report.schema.json`）的全部字段，以及各表合法的行键和列键。单元格地址写作 `表.行.列`，如 `setCell(report, "applications.received.total", 5)`。',
    '',
    'Every field of a report as `checkText` reads it (`AnnualReport`) and of its JSON form (`serializeReport` / `parseReportJson`; JSON Schema in `schema/annual-report.schema.json`), and the valid row and column keys of each table. A cell is addressed `table.row.column`, e.g. `setCell(report, "applications.received.total", 5)`.',
    '',
    '## 字段 Fields',
    '',
    ...fields('AnnualReport', schema),
    ...Object.entries(schema.$defs ?? {}).flatMap(([name, definition]) => fields(name, definition)),
    '## 行键与列键 Row and column keys',
    '',
    ...TABLE_KEYS.flatMap((key) => keys(TABLES[key], '2021')),
    ...keys(ACTIVE_DISCLOSURE_TABLE_2019, '2019', '（2019 年格式 / the 2019 format）'),
    ...keys(
      { ...APPLICATIONS_TABLE_2019, rows: APPLICATIONS_TABLE_2019.rows.filter((row) => !TABLES.applications.rows.some((current) => current.key === row.key)) },
      '2019',
      '（2019 年格式独有的行 / rows of the 2019 format only）',
    ),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
