// After typedoc: the documentation site has a page for every rule (where the playground and the
// HTML report link to them) and the playground's three files beside each other in its media folder.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = join(root, 'docs/api');
const missing = [];
for (const page of readdirSync(join(root, 'docs/rules')).filter((name) => name.endsWith('.md'))) {
  const path = join(site, 'documents', `规则_Rules.${page.slice(0, -3)}.html`);
  if (!existsSync(path)) missing.push(path);
}
// The rules index, where SARIF links the engine's own ids (src/format/docs-url.ts: RULES_INDEX_PATH).
if (!existsSync(join(site, 'documents', '规则_Rules.html'))) missing.push(join(site, 'documents', '规则_Rules.html'));
for (const file of ['index.html', 'playground.js', 'opencc.js', 'reader-html.js', 'reader-pdf.js', 'reader-docx.js']) {
  if (!existsSync(join(site, 'media', file))) missing.push(join(site, 'media', file));
}
if (missing.length > 0) {
  console.error(`check-site: missing from the documentation site:\n${missing.join('\n')}`);
  process.exit(1);
}
console.log(`check-site: ${readdirSync(join(site, 'documents')).length} documents, the playground in media/`);
