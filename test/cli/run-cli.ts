import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built bin (test/cli/global-setup.ts builds it before the run). */
export const BIN = join(ROOT, 'dist/cli.js');

/** What a run of the bin did. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built bin as a user would: `node dist/cli.js …args`, optionally with standard input. */
export function runCli(args: readonly string[], options: { input?: string | Uint8Array; cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.on('error', () => {});
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/** A seed's path relative to the repository root. */
export const seedPath = (id: string): string => `test/fixtures/seeds/${id}.txt`;

/** A seed's text. */
export const seed = (id: string): string => readFileSync(join(ROOT, seedPath(id)), 'utf8');

/** A fresh temporary directory. */
export const temporaryDirectory = (): string => mkdtempSync(join(tmpdir(), 'xxgk-lint-cli-'));

/** JSON output entry. */
export interface JsonEntry {
  file: string;
  diagnostics: { ruleId: string; severity: string; message: string; messageId: string; span?: { start: number; end: number; line: number; column: number } }[];
  errorCount: number;
  warningCount: number;
}

/** Parses JSON output. */
export const parseJson = (run: CliRun): JsonEntry[] => JSON.parse(run.stdout) as JsonEntry[];
