import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/cli/config.js';
import { rules } from '../../src/index.js';

const SHIPPED = new URL('../../schema/config.schema.json', import.meta.url);

describe('the shipped configuration JSON Schema', () => {
  it('is generated from the configuration schema and the rule catalog (run `npm run schema` after changing either)', async () => {
    await expect(`${JSON.stringify(configJsonSchema(), null, 2)}\n`).toMatchFileSnapshot('../../schema/config.schema.json');
  });

  // The generated schema is the shipped one (the test above); strict: an unknown keyword is an error.
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(configJsonSchema());

  it('is in the package', () => {
    expect(JSON.parse(readFileSync(SHIPPED, 'utf8'))).toEqual(configJsonSchema());
  });

  it('names every rule, with its levels, so editors complete and check them', () => {
    const properties = (configJsonSchema().properties as { rules: { properties: Record<string, unknown> } }).rules.properties;
    expect(Object.keys(properties)).toEqual(rules.map((rule) => rule.id));
  });

  it('accepts what the command line accepts, and refuses unknown keys, rules and levels as the command line does', () => {
    const good = {
      $schema: './node_modules/xxgk-lint/schema/config.schema.json',
      rules: { 'section-order': 'off', 'blank-cell': 'warn' },
      locale: 'en',
      format: 'sarif',
      extensions: ['txt', '.md'],
      ignorePatterns: ['drafts/**'],
      maxWarnings: 0,
      quiet: false,
      docsUrl: 'https://docs.example.org/xxgk-lint/',
      overrides: [
        { files: ['2019/**'], rules: { 'legacy-format': 'off' } },
        { files: ['县政府/**'], agencyId: '示例县人民政府', publishedOn: '2025-03-20', summaryOf: ['部门/**'] },
      ],
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    for (const bad of [{ rulez: {} }, { rules: { 'no-such-rule': 'off' } }, { rules: { 'section-order': 'loud' } }, { format: 'xml' }, { overrides: [{ rules: {} }] }, { maxWarnings: -2 }, { overrides: [{ files: ['a'], publishedOn: '2025/03/20' }] }, { overrides: [{ files: ['a'], summaryOf: [] }] }, { overrides: [{ files: ['a'], agencyId: '' }] }]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
