import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The README's usage examples run as written: each ```ts block marked <!-- usage-example --> is
// executed against the source (its `from 'xxgk-lint'` pointed at src/index.ts), and when a block
// marked <!-- usage-output --> follows it, what the example prints must be exactly that.
const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const entry = pathToFileURL(join(root, 'src', 'index.ts')).href;

interface MarkedBlock {
  readonly marker: 'usage-example' | 'usage-output';
  readonly language: string;
  readonly code: string;
  readonly line: number;
}

const blocks: MarkedBlock[] = [...readme.matchAll(/<!-- (usage-example|usage-output) -->\n```(\w*)\n([\s\S]*?)\n```/g)].map((match) => ({
  marker: match[1] as MarkedBlock['marker'],
  language: match[2] ?? '',
  code: match[3] ?? '',
  line: readme.slice(0, match.index).split('\n').length,
}));

interface Example {
  readonly name: string;
  readonly code: string;
  readonly output: string | undefined;
}

const examples: Example[] = blocks.flatMap((block, index) => {
  if (block.marker !== 'usage-example') return [];
  const next = blocks[index + 1];
  return [{ name: `README.md line ${block.line}`, code: block.code, output: next?.marker === 'usage-output' ? next.code : undefined }];
});

// The PDF example opens a six-page PDF with pdf.js: seconds on a loaded machine. An example that
// timed out would go on printing into the next one's output.
vi.setConfig({ testTimeout: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), 'xxgk-lint-readme-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// The examples resolve the package's own files (`xxgk-lint/examples/…`) as a consumer does: through
// a node_modules entry for the package, here the repository itself.
mkdirSync(join(scratch, 'node_modules'));
symlinkSync(root, join(scratch, 'node_modules', 'xxgk-lint'), 'dir');
const testingEntry = pathToFileURL(join(root, 'src', 'testing', 'index.ts')).href;

/** Runs an example as a module and returns what it printed with console.log, one line per call. */
async function run(code: string, file: string): Promise<string> {
  const pointed = code.replace(/from 'xxgk-lint'/g, `from '${entry}'`).replace(/from 'xxgk-lint\/testing'/g, `from '${testingEntry}'`);
  expect(pointed, 'the example imports the package by name').not.toBe(code);
  expect(pointed, 'the example reads no file of the repository by its path (a consumer has none)').not.toMatch(/['"](docs|test)\//);
  const path = join(scratch, file);
  writeFileSync(path, pointed);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  });
  try {
    await import(/* @vite-ignore */ pathToFileURL(path).href);
  } finally {
    log.mockRestore();
  }
  return printed.join('\n');
}

describe('README.md', () => {
  it('marks usage examples in both languages, ts blocks, some with their output', () => {
    expect(blocks.filter((block) => block.marker === 'usage-example').every((block) => block.language === 'ts')).toBe(true);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(examples.filter((example) => example.output !== undefined).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the quick start as exactly the two commands', () => {
    const quickStart = '```sh\nnpm ci && npm run build && npm run check -- docs/examples/\nnpm ci && npm test\n```';
    expect(readme.split(quickStart).length - 1).toBe(2);
  });

  it.each(examples.map((example, index) => [example.name, example, index] as const))('%s runs as written', async (_name, example, index) => {
    const printed = await run(example.code, `example-${index}.ts`);
    if (example.output !== undefined) expect(printed).toBe(example.output);
    else expect(printed.length).toBeGreaterThan(0);
  });
});
