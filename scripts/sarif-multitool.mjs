#!/usr/bin/env node
// Validates the CLI's SARIF with Microsoft's SARIF multitool (`sarif-multitool validate`), the
// validator GitHub code scanning's rules come from. CI runs it after the build:
//   node scripts/sarif-multitool.mjs
// The multitool is an npm package (a self-contained binary for this platform), fetched by npx on
// first use and pinned here. Any result of level `error` fails; warnings are printed (today one per
// log: SARIF2005, no informationUri — package.json declares no homepage, and none is invented; and for
// the PDF/Word log SARIF2017, no region, by design: a text region on a binary file would point
// nowhere — its page and cell are location properties — and SARIF2004, artifacts with a location only).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MULTITOOL = '@microsoft/sarif-multitool@5.7.0';
const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'xxgk-lint-sarif-'));
const cli = (args, cwd = root) => spawnSync(process.execPath, [join(root, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8' });

// The logs to validate: the seeds; a run mixing a good report, a missing file and a binary one (tool
// notifications); a run through a baseline (suppressions, whole-file regions); PDF and Word files.
copyFileSync(join(root, 'test/fixtures/seeds/001.txt'), join(work, 'good.txt'));
writeFileSync(join(work, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
copyFileSync(join(root, 'test/fixtures/seeds/002.txt'), join(work, 'legacy.txt'));
writeFileSync(join(work, 'faulty.txt'), readFileSync(join(root, 'test/fixtures/seeds/001.txt'), 'utf8').replace(/(一、本年新收政府信息公开申请数量 \| )6( \|)/, '$17$2'));
const logs = {
  'seeds.sarif': cli(['--format', 'sarif', 'test/fixtures/seeds']),
  'mixed.sarif': cli(['--format', 'sarif', '--locale', 'en', 'good.txt', 'missing.txt', 'image.txt', 'legacy.txt'], work),
};
cli(['--write-baseline', 'baseline.json', 'faulty.txt', 'legacy.txt'], work);
logs['baseline.sarif'] = cli(['--format', 'sarif', '--baseline', 'baseline.json', 'faulty.txt', 'legacy.txt'], work);
// PDF and Word files: no text region, the page and the cell as location properties.
logs['documents.sarif'] = cli(['--format', 'sarif', 'test/fixtures/documents/001.pdf', 'test/fixtures/documents/seed-000.docx']);
const files = Object.entries(logs).map(([name, run]) => {
  if (!run.stdout.startsWith('{')) throw new Error(`${name}: the CLI wrote no SARIF (exit ${run.status}): ${run.stderr}`);
  writeFileSync(join(work, name), run.stdout);
  return join(work, name);
});

// Twice: the SARIF rules (spec conformance), then GitHub's (what code scanning requires, e.g. GH2012:
// every rule has help). One kind per run: the wrapper's shell would split `Sarif;Gh`.
const results = [];
for (const kind of ['Sarif', 'Gh']) {
  const output = join(work, `validation-${kind}.sarif`);
  execFileSync('npx', ['--yes', MULTITOOL, 'validate', ...files, '--rule-kind', kind, '--output', output, '--log', 'ForceOverwrite'], { stdio: ['ignore', 'inherit', 'inherit'] });
  results.push(...JSON.parse(readFileSync(output, 'utf8')).runs.flatMap((run) => run.results ?? []));
}
const text = (result) => `${result.level ?? 'warning'} ${result.ruleId}: ${result.message?.text ?? result.message?.arguments?.join(' ') ?? ''}`;
for (const result of results) console.log(text(result));
const errors = results.filter((result) => result.level === 'error');
console.log(`sarif-multitool: ${files.length} logs, SARIF and GitHub rules: ${errors.length} errors, ${results.length - errors.length} warnings or notes`);
if (errors.length > 0) process.exitCode = 1;
