import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderModelDocs } from '../scripts/model-docs.js';
import { APPLICATIONS_TABLE, CASE_OUTCOME_COLUMNS, REVIEWS_TABLE } from '../src/index.js';

const PAGE = fileURLToPath(new URL('../docs/reference/annual-report.md', import.meta.url));
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../schema/annual-report.schema.json', import.meta.url)), 'utf8'));

// The site's page on the report model is rendered from the JSON Schema and the catalog.
describe('docs/reference/annual-report.md', () => {
  const rendered = renderModelDocs(schema);
  if (process.env.UPDATE_RULE_DOCS === '1') writeFileSync(PAGE, rendered);

  it('matches the rendering of the schema and the catalog', () => {
    expect(readFileSync(PAGE, 'utf8')).toBe(rendered);
  });

  it('lists every field of the report and every row and column key', () => {
    for (const field of Object.keys(schema.properties)) expect(rendered).toContain(`| \`${field}\` |`);
    for (const row of [...APPLICATIONS_TABLE.rows, ...REVIEWS_TABLE.rows]) expect(rendered).toContain(`| \`${row.key}\` |`);
    for (const column of CASE_OUTCOME_COLUMNS) expect(rendered).toContain(`| \`${column.key}\` |`);
    expect(rendered).toContain('| `otherHandling` |');
  });
});
