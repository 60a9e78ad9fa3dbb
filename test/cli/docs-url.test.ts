import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { RULE_PAGE_PATH, rulePageUrl, rulePagesTemplate, rulesIndexUrl, rules } from '../../src/index.js';
import { parseArgs } from '../../src/cli/args.js';
import type { CliOptions } from '../../src/cli/args.js';
import { settingsOf } from '../../src/cli/run.js';
import { sarifErrors } from '../format/sarif-validator.js';
import { ROOT, runCli, seedPath, temporaryDirectory } from './run-cli.js';

vi.setConfig({ testTimeout: 60_000 });

interface SarifDriver {
  informationUri?: string;
  rules: { id: string; helpUri?: string }[];
}
const driverOf = (stdout: string): SarifDriver => (JSON.parse(stdout) as { runs: { tool: { driver: SarifDriver } }[] }).runs[0]!.tool.driver;

const BASE = 'https://docs.example.org/xxgk-lint/';

describe('the documentation URL (--docs-url, docsUrl)', () => {
  it('names the site’s rule pages, percent-encoded, whatever the base’s trailing slash', () => {
    expect(RULE_PAGE_PATH).toBe('documents/规则_Rules.{ruleId}.html');
    expect(rulePageUrl(BASE, 'blank-cell')).toBe('https://docs.example.org/xxgk-lint/documents/%E8%A7%84%E5%88%99_Rules.blank-cell.html');
    expect(rulePageUrl('https://docs.example.org/xxgk-lint', 'blank-cell')).toBe(rulePageUrl(BASE, 'blank-cell'));
    expect(rulesIndexUrl(BASE)).toBe('https://docs.example.org/xxgk-lint/documents/%E8%A7%84%E5%88%99_Rules.html');
    expect(rulePagesTemplate(BASE).replace('{ruleId}', 'blank-cell')).toBe(rulePageUrl(BASE, 'blank-cell'));
  });

  it('--docs-url: SARIF links the tool to the site and every rule to its page there; the log is valid', async () => {
    const run = await runCli(['--format', 'sarif', '--docs-url', BASE, seedPath('000')]);
    const driver = driverOf(run.stdout);
    expect(sarifErrors(JSON.parse(run.stdout))).toEqual([]);
    expect(driver.informationUri).toBe(BASE);
    for (const meta of rules) expect(driver.rules.find((rule) => rule.id === meta.id)?.helpUri).toBe(rulePageUrl(BASE, meta.id));
    // The engine's own ids have no page: they link to the rules index, which lists them.
    expect(driver.rules.find((rule) => rule.id === 'internal-error')?.helpUri).toBe(rulesIndexUrl(BASE));
  });

  it('--docs-url: the HTML report links each rule to its page', async () => {
    const run = await runCli(['--format', 'html', '--docs-url', BASE, seedPath('002')]);
    expect(run.stdout).toContain(`href="${rulePageUrl(BASE, 'legacy-format')}"`);
    expect(run.stdout).not.toContain('href="#rule-legacy-format"');
  });

  it('docsUrl in the configuration does the same; --docs-url wins over it', async () => {
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'xxgk-lint.config.json'), JSON.stringify({ docsUrl: 'file:///srv/xxgk-lint-docs' }));
    const seed = join(ROOT, seedPath('000'));
    const configured = driverOf((await runCli(['--format', 'sarif', seed], { cwd: folder })).stdout);
    expect(configured.rules.find((rule) => rule.id === 'blank-cell')?.helpUri).toBe('file:///srv/xxgk-lint-docs/documents/%E8%A7%84%E5%88%99_Rules.blank-cell.html');
    const flagged = driverOf((await runCli(['--format', 'sarif', '--docs-url', BASE, seed], { cwd: folder })).stdout);
    expect(flagged.rules.find((rule) => rule.id === 'blank-cell')?.helpUri).toBe(rulePageUrl(BASE, 'blank-cell'));
    const printed = JSON.parse((await runCli(['--print-config', seed], { cwd: folder })).stdout) as { docsUrl?: string };
    expect(printed.docsUrl).toBe('file:///srv/xxgk-lint-docs');
  });

  it('invents no address: without one (the package declares no homepage) rules link nowhere and the HTML report to its own glossary', async () => {
    const driver = driverOf((await runCli(['--format', 'sarif', seedPath('000')])).stdout);
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.every((rule) => rule.helpUri === undefined)).toBe(true);
    expect((await runCli(['--format', 'html', seedPath('002')])).stdout).toContain('href="#rule-legacy-format"');
  });

  it('defaults to package.json homepage when the package declares one; the flag, then the configuration, win over it', () => {
    const parsed = (argv: string[]): CliOptions => parseArgs(argv, []) as CliOptions;
    const loaded = { path: '/x/xxgk-lint.config.json', config: { docsUrl: 'https://config.example.org/' } };
    expect(settingsOf(parsed(['a.txt']), undefined, 'https://home.example.org/').docsUrl).toBe('https://home.example.org/');
    expect(settingsOf(parsed(['a.txt']), loaded, 'https://home.example.org/').docsUrl).toBe('https://config.example.org/');
    expect(settingsOf(parsed(['--docs-url', BASE, 'a.txt']), loaded, 'https://home.example.org/').docsUrl).toBe(BASE);
    expect(settingsOf(parsed(['a.txt']), undefined, undefined)).not.toHaveProperty('docsUrl');
  });

  it.each(['docs/api', 'https://docs.example.org/?page=1', 'mailto:docs@example.org', 'https://docs.example.org/#rules'])('refuses %s as the base: exit 2, saying why', async (value) => {
    const run = await runCli(['--docs-url', value, seedPath('000')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--docs-url 须为文档站点的绝对地址（http:、https: 或 file:，不带 ? 和 #），而不是 ${value}`);
    const folder = temporaryDirectory();
    writeFileSync(join(folder, 'xxgk-lint.config.json'), JSON.stringify({ docsUrl: value }));
    const configured = await runCli([join(ROOT, seedPath('000'))], { cwd: folder });
    expect(configured.code).toBe(2);
    expect(configured.stderr).toContain('docsUrl');
  });
});
