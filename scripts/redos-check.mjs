#!/usr/bin/env node
/**
 * ReDoS check: every regular expression in src/ is analysed by recheck (automata theory, with
 * fuzzing where that cannot decide). The run fails on any expression that is not proved safe,
 * unless the comment just above it names the bound that makes it safe and the test that feeds it
 * that bound's worst case:
 *
 *   // redos-bound: a cell is at most 64 characters (MAX_CELL); worst case in test/x.test.ts
 *
 * (the named test file must exist and mention the expression's name). Expressions built at run
 * time (`new RegExp(...)`) are checked as built: src/ is bundled with each `new RegExp(` recorded,
 * imported, and run over the seed reports, so every construction site is reached; a site that is
 * never reached fails the run too.
 *
 * Usage: node scripts/redos-check.mjs [--verbose]
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { check } from 'recheck';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');

const sourceFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

/** The expression's name: the variable or property it is assigned to, when it is. */
function nameOf(node) {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) return undefined;
  }
  return undefined;
}

/** The comments on the lines just above the statement holding `node`, and on its own line. */
function commentsOf(node, text) {
  let statement = node;
  while (statement.parent && !ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent)) statement = statement.parent;
  const ranges = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  const lineEnd = text.indexOf('\n', node.getEnd());
  const trailing = ts.getTrailingCommentRanges(text, lineEnd < 0 ? text.length : lineEnd) ?? [];
  const own = text.slice(statement.getStart(), lineEnd < 0 ? text.length : lineEnd);
  return ranges.map((range) => text.slice(range.pos, range.end)).join('\n') + '\n' + own + trailing.map((range) => text.slice(range.pos, range.end)).join('\n');
}

const sites = [];
for (const file of sourceFiles(join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const where = (node) => `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText();
      const slash = literal.lastIndexOf('/');
      sites.push({ where: where(node), name: nameOf(node), comments: commentsOf(node, text), patterns: [{ source: literal.slice(1, slash), flags: literal.slice(slash + 1) }] });
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
      sites.push({ where: where(node), name: nameOf(node), comments: commentsOf(node, text), patterns: [], dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

// Expressions built at run time: bundle src/ with every construction recorded, then run it.
const dynamicSites = new Map(sites.filter((site) => site.dynamic).map((site) => [site.where, site]));
if (dynamicSites.size > 0) {
  // Inside the project, so that the bundle's imports of dependencies resolve.
  const out = mkdtempSync(join(root, 'node_modules', '.redos-'));
  try {
    const entry = join(out, 'entry.ts');
    const files = sourceFiles(join(root, 'src')).filter((file) => !file.endsWith('.d.ts') && !file.endsWith(join('cli', 'main.ts')));
    writeFileSync(
      entry,
      files.map((file) => `import ${JSON.stringify(file)};`).join('\n') +
        `\nexport { checkText } from ${JSON.stringify(join(root, 'src/index.ts'))};\n`,
    );
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(out, 'bundle.mjs'),
      logLevel: 'error',
      ignoreAnnotations: true,
      packages: 'external',
      plugins: [
        {
          name: 'record-regexp',
          setup(builder) {
            builder.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
              const text = readFileSync(args.path, 'utf8');
              const contents = text.replace(/\bnew RegExp\(/g, (match, offset) => {
                const line = text.slice(0, offset).split('\n').length;
                return `globalThis.__redosRecord(${JSON.stringify(`${relative(root, args.path)}:${line}`)}, `;
              });
              return { contents, loader: 'ts', resolveDir: dirname(args.path) };
            });
          },
        },
      ],
    });
    globalThis.__redosRecord = (where, pattern, flags) => {
      const made = new RegExp(pattern, flags);
      const site = dynamicSites.get(where);
      if (site && !site.patterns.some((known) => known.source === made.source && known.flags === made.flags)) {
        site.patterns.push({ source: made.source, flags: made.flags });
      }
      return made;
    };
    const { checkText } = await import(pathToFileURL(join(out, 'bundle.mjs')).href);
    const seeds = join(root, 'test/fixtures/seeds');
    for (const name of readdirSync(seeds).filter((file) => file.endsWith('.txt'))) checkText(readFileSync(join(seeds, name), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const BOUND = /redos-bound:([^\n]*?)(test\/[\w./-]+\.test\.ts)/;
const failures = [];
let analysed = 0;
const verdicts = new Map();
const analyse = (pattern) => {
  const key = `/${pattern.source}/${pattern.flags}`;
  // recheck's timeout is wall time: on a loaded machine a pattern it proves safe in a second can run
  // out of it, so a timed-out analysis is tried again with a longer one before it counts as undecided.
  if (!verdicts.has(key)) {
    verdicts.set(
      key,
      check(pattern.source, pattern.flags, { randomSeed: 14, timeout: 10_000 }).then((result) =>
        result.status === 'unknown' && result.error?.kind === 'timeout' ? check(pattern.source, pattern.flags, { randomSeed: 14, timeout: 60_000 }) : result,
      ),
    );
  }
  return verdicts.get(key);
};
for (const site of sites) {
  if (site.dynamic && site.patterns.length === 0) {
    failures.push(`${site.where}: a regular expression built at run time that the check never reached (run over the seeds)`);
    continue;
  }
  for (const pattern of site.patterns) {
    analysed++;
    const result = await analyse(pattern);
    if (verbose) console.log(`${result.status.padEnd(10)} ${site.where} /${pattern.source.slice(0, 100)}/${pattern.flags}`);
    if (result.status === 'safe') continue;
    const what = result.status === 'vulnerable' ? `${result.complexity.summary} (attack: ${result.attack.pattern.slice(0, 120)})` : `undecided (${result.error?.kind ?? result.status})`;
    const bound = BOUND.exec(site.comments);
    if (bound) {
      const test = join(root, bound[2]);
      if (!existsSync(test)) failures.push(`${site.where}: ${what}; its redos-bound comment names ${bound[2]}, which does not exist`);
      else if (site.name && !readFileSync(test, 'utf8').includes(site.name)) failures.push(`${site.where}: ${what}; ${bound[2]} never mentions ${site.name}`);
      else if (verbose) console.log(`  bounded: ${bound[1].trim()} (${bound[2]})`);
      continue;
    }
    failures.push(`${site.where}${site.name ? ` ${site.name}` : ''}: /${pattern.source.slice(0, 100)}/${pattern.flags} is ${what}`);
  }
}

console.log(`redos-check: ${analysed} regular expressions at ${sites.length} places in src/ analysed by recheck; ${failures.length} not proved safe`);
for (const failure of failures) console.error(`  ${failure}`);
process.exit(failures.length > 0 ? 1 : 0);
