import type { FormatVersion, TableKey } from '../catalog/index.js';
import type { Locale, Localized, MessageArgs } from './diagnostic.js';
import { columnLabel, relationLabel, rowLabel, sectionLabel, tableLabel } from './labels.js';

// A list of labels is quoted item by item: Chinese headings themselves contain 、 and ，.
const QUOTE: Readonly<Record<Locale, readonly [string, string, string]>> = {
  'zh-CN': ['“', '”', '、'],
  en: ['"', '"', ', '],
};

function labelList(keys: string, label: (key: string) => string, locale: Locale): string {
  const [open, close, separator] = QUOTE[locale];
  return keys
    .split(',')
    .filter((key) => key !== '')
    .map((key) => `${open}${label(key)}${close}`)
    .join(separator);
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A message template split at its placeholders: literal text at even indexes, argument names at
 * odd ones ("{table}有 {count} 个" → ['', 'table', '有 ', 'count', ' 个']).
 */
type CompiledTemplate = readonly string[];

// Messages are rendered for every diagnostic and every related place of a faulty report, from a
// few dozen templates: each is split once instead of being scanned by a regular expression and a
// callback on every use.
const compiled = new Map<string, CompiledTemplate>();
// The rules' templates are a few dozen; a caller rendering templates it makes on the fly must not
// make the cache grow without end.
const MAX_COMPILED = 512;

function compile(template: string): CompiledTemplate {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(template, parts);
  }
  return parts;
}

function renderArgument(name: string, value: string, table: TableKey | undefined, locale: Locale, format: FormatVersion): string {
  switch (name) {
    case 'table':
      return tableLabel(value as TableKey, locale, format);
    case 'section':
      return sectionLabel(value, locale);
    case 'relation':
      return relationLabel(value, locale, format);
    case 'sections':
      return labelList(value, (key) => sectionLabel(key, locale), locale);
    case 'tables':
      // Table labels stand unquoted, as `{table}` does: “表二（主动公开政府信息情况）、表三（…）”.
      return value
        .split(',')
        .filter((key) => key !== '')
        .map((key) => tableLabel(key as TableKey, locale, format))
        .join(QUOTE[locale][2]);
    case 'row':
    case 'otherRow':
      return table ? rowLabel(table, value, locale, format) : value;
    case 'column':
    case 'otherColumn':
    case 'fromColumn':
      return table ? columnLabel(table, value, locale, format) : value;
    case 'columns':
      return table ? labelList(value, (key) => columnLabel(table, key, locale, format), locale) : value;
    default:
      return value;
  }
}

/**
 * Fills a message template (`{name}` placeholders) in the given locale. Arguments named `table`,
 * `row`, `column`, `section` and `relation` hold catalog keys and are rendered as the catalog's labels
 * (as are `otherRow`, `otherColumn` and `fromColumn`, other cells of the same table), so a rule
 * never writes a label itself. Arguments named `columns` and `sections` hold comma-separated keys and
 * are rendered as a list of quoted labels (`“商业企业”、“总计”`; `"Businesses", "Total"`); `tables`
 * holds comma-separated table keys, rendered as their labels in a list.
 *
 * `table` is the table the message is about when `args` names none (a related place carries its
 * table beside its arguments): it is rendered for `{table}` and gives `{row}` and `{column}` their
 * labels.
 *
 * `format` is the format the report was read in: rows, columns and relations are named in its
 * wording (`规范性文件` in the 2019 table 二, `行政规范性文件` in the 2021 one); the current format's
 * when absent.
 */
export function renderMessage(template: Localized, args: MessageArgs, locale: Locale, table?: TableKey, format: FormatVersion = '2021'): string {
  // The arguments' own `table` (even one set to undefined) wins over the table beside them.
  const ownTable = Object.hasOwn(args, 'table');
  const tableArg = ownTable ? args.table : table;
  const tableKey = typeof tableArg === 'string' ? (tableArg as TableKey) : undefined;
  const parts = compile(template[locale]);
  let message = parts[0] as string;
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index] as string;
    const value = name === 'table' ? tableArg : args[name];
    message += value === undefined ? `{${name}}` : renderArgument(name, String(value), tableKey, locale, format);
    message += parts[index + 1] as string;
  }
  return message;
}
