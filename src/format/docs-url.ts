/**
 * Where the documentation site `npm run docs` builds (the folder `docs/api/`) puts a rule's page,
 * so that the HTML report and SARIF can link to it once an organisation hosts the site. The project
 * has no public address of its own: the base URL is always the caller's (`--docs-url`, `docsUrl`
 * in the configuration, or package.json `homepage` when one is declared), never invented.
 */

/**
 * The path of a rule's page from the root of the documentation site, `{ruleId}` standing for the
 * rule id. typedoc names a document's children after the parent's title: the rules index is titled
 * 规则 Rules.
 */
export const RULE_PAGE_PATH = 'documents/规则_Rules.{ruleId}.html';

/** The path of the rules index page (every rule and the engine's own diagnostics) from the site's root. */
export const RULES_INDEX_PATH = 'documents/规则_Rules.html';

/** The base URL with exactly one trailing slash, so paths can be appended (a loop: `/\/+$/` retries a long run of slashes from each of its starts). */
function withSlash(base: string): string {
  let end = base.length;
  while (end > 0 && base[end - 1] === '/') end--;
  return `${base.slice(0, end)}/`;
}

/**
 * The URL of a rule's page in the documentation site hosted at `base` (the site's root: where its
 * `index.html` is), its path percent-encoded (the page names are partly Chinese): for
 * `https://example.org/xxgk-lint/` and `blank-cell`,
 * `https://example.org/xxgk-lint/documents/%E8%A7%84%E5%88%99_Rules.blank-cell.html`.
 */
export function rulePageUrl(base: string, ruleId: string): string {
  return withSlash(base) + encodeURI(RULE_PAGE_PATH).replace('%7BruleId%7D', encodeURIComponent(ruleId));
}

/** The URL of the rules index page of the documentation site hosted at `base`. */
export function rulesIndexUrl(base: string): string {
  return withSlash(base) + encodeURI(RULES_INDEX_PATH);
}

/** The rule pages of the site hosted at `base` as a `{ruleId}` template, as the HTML report's `ruleDocsUrl` takes it. */
export function rulePagesTemplate(base: string): string {
  return withSlash(base) + encodeURI(RULE_PAGE_PATH).replace('%7BruleId%7D', '{ruleId}');
}
