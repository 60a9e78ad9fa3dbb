import type { TableKey } from '../catalog/index.js';
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

// Created once: messages are rendered for every diagnostic and related place (replace() resets lastIndex).
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills a message template (`{name}` placeholders) in the given locale. Arguments named `table`,
 * `row`, `column`, `section` and `relation` hold catalog keys and are rendered as the catalog's labels, so a rule
 * never writes a label itself. Arguments named `columns` and `sections` hold comma-separated keys and
 * are rendered as a list of quoted labels (`“商业企业”、“总计”`; `"Businesses", "Total"`).
 */
export function renderMessage(template: Localized, args: MessageArgs, locale: Locale): string {
  const table = typeof args.table === 'string' ? (args.table as TableKey) : undefined;
  return template[locale].replace(PLACEHOLDER, (whole, name: string) => {
    const value = args[name];
    if (value === undefined) return whole;
    const text = String(value);
    if (name === 'table') return tableLabel(text as TableKey, locale);
    if (name === 'section') return sectionLabel(text, locale);
    if (name === 'relation') return relationLabel(text, locale);
    if (name === 'sections') return labelList(text, (key) => sectionLabel(key, locale), locale);
    if (name === 'row' && table) return rowLabel(table, text, locale);
    if (name === 'column' && table) return columnLabel(table, text, locale);
    if (name === 'columns' && table) return labelList(text, (key) => columnLabel(table, key, locale), locale);
    return text;
  });
}
