import type { TableKey } from '../catalog/index.js';
import type { Locale, Localized, MessageArgs } from './diagnostic.js';
import { columnLabel, rowLabel, sectionLabel, tableLabel } from './labels.js';

/**
 * Fills a message template (`{name}` placeholders) in the given locale. Arguments named `table`,
 * `row`, `column` and `section` hold catalog keys and are rendered as the catalog's labels, so a rule
 * never writes a label itself.
 */
export function renderMessage(template: Localized, args: MessageArgs, locale: Locale): string {
  const table = typeof args.table === 'string' ? (args.table as TableKey) : undefined;
  return template[locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = args[name];
    if (value === undefined) return whole;
    const text = String(value);
    if (name === 'table') return tableLabel(text as TableKey, locale);
    if (name === 'section') return sectionLabel(text, locale);
    if (name === 'row' && table) return rowLabel(table, text, locale);
    if (name === 'column' && table) return columnLabel(table, text, locale);
    return text;
  });
}
