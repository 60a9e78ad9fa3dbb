import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIRECTORY_EXTENSIONS, helpText } from '../src/cli/messages.js';

// What the documentation tells new users about the command line must be what the code does.
const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const readme = read('README.md');
const cliGuide = read('docs/guides/cli.md');
const gettingStarted = read('docs/guides/getting-started.md');
const defaultExtensions = DIRECTORY_EXTENSIONS.join(',');

describe('the documentation agrees with the code', () => {
  it('gives the default --ext as the code has it, in the README, the CLI guide and --help', () => {
    for (const text of [readme, cliGuide]) {
      const stated = [...text.matchAll(/(?:默认|default|the default is) `(txt[a-z,]*)`/g)].map((match) => match[1]);
      expect(stated.length).toBeGreaterThanOrEqual(2);
      for (const extensions of stated) expect(extensions).toBe(defaultExtensions);
    }
    const help = helpText('0.0.0');
    for (const extension of DIRECTORY_EXTENSIONS) {
      expect(help).toMatch(new RegExp(`目录中查找[^\\n]*\\.${extension}[、 ]`));
      expect(help).toMatch(new RegExp(`Directories are searched for[^]*?\\.${extension}\\b[^]*?files`));
    }
    expect(readme).not.toMatch(/searched for \.txt and \.md files|查找 \.txt 和 \.md 文件/);
  });

  it('does not say PDF or Word files are unsupported: they are read', () => {
    expect(readme).not.toMatch(/格式不支持（PDF、Word）|unsupported form\s*\(PDF, Word\)/);
  });

  it('the getting-started guide installs as the README does (the package is not published) and counts the examples', () => {
    expect(gettingStarted).not.toMatch(/^npm install xxgk-lint$/m);
    expect(gettingStarted).toContain('npm pack');
    const examples = readdirSync(join(root, 'docs/examples')).length;
    const counts: Record<number, [string, string]> = { 6: ['六份示例报告', 'six sample reports'] };
    const [zh, en] = counts[examples] ?? ['?', '?'];
    expect(gettingStarted).toContain(zh);
    expect(gettingStarted).toContain(en);
  });

  it('says where levels are documented that a level is a cap, and how to fail CI on warnings', () => {
    for (const text of [readme, cliGuide, read('docs/guides/ci.md'), read('docs/guides/rules.md')]) {
      expect(text).toMatch(/规则的级别是(它报告的最高级别|上限)/);
      expect(text).toMatch(/[Aa] rule's level is (the highest severity it reports|a cap)/);
      expect(text).toContain('--max-warnings 0');
    }
    // The README's CI example fails on warnings.
    expect(readme.match(/- run: npx xxgk-lint --max-warnings 0 /g)).toHaveLength(2);
  });
});
