import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRuleDocs } from '../scripts/rule-docs.js';
import { rules } from '../src/index.js';

const DOCS = fileURLToPath(new URL('../docs/rules.md', import.meta.url));

// docs/rules.md is rendered from the rule metadata; this keeps the committed file in step.
// `UPDATE_RULE_DOCS=1 npx vitest run test/docs.test.ts` rewrites it after a rule changes.
describe('docs/rules.md', () => {
  const rendered = renderRuleDocs(rules);

  if (process.env.UPDATE_RULE_DOCS === '1') {
    it('is rewritten from the rule metadata', () => {
      writeFileSync(DOCS, rendered);
      expect(readFileSync(DOCS, 'utf8')).toBe(rendered);
    });
    return;
  }

  it('matches the rendering of the rule metadata', () => {
    expect(readFileSync(DOCS, 'utf8')).toBe(rendered);
  });

  it('documents every rule with its id, severity, both descriptions, every message and every example', () => {
    for (const meta of rules) {
      const start = rendered.indexOf(`## \`${meta.id}\``);
      expect(start, meta.id).toBeGreaterThan(0);
      const next = rendered.indexOf('\n## `', start + 1);
      const section = rendered.slice(start, next < 0 ? undefined : next);
      expect(section).toContain(meta.defaultSeverity);
      expect(section).toContain(meta.description['zh-CN']);
      expect(section).toContain(meta.description.en);
      for (const id of Object.keys(meta.messages)) expect(section).toContain(`| \`${id}\` |`);
      for (const example of [...meta.examples.failing, ...meta.examples.passing]) {
        expect(section).toContain(example.summary['zh-CN']);
        expect(section).toContain(example.summary.en);
      }
    }
  });
});
