/**
 * The command line on what a crawler or an unlucky batch job hands it (issue 14): every input is
 * bounded, nothing blocks, every file is reported, and one bad file never stops the others.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, parseJson, runCli, seed, temporaryDirectory } from '../cli/run-cli.js';
import type { CliRun } from '../cli/run-cli.js';

/** Runs the bin with standard input read from a file descriptor (a device, a FIFO…). */
function runWithStdin(args: readonly string[], stdin: number, options: { uid?: number; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      stdio: [stdin, 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }));
  });
}

/** A folder with one good report in it (a.txt), world-readable so that an unprivileged user can search it. */
function folderWithReport(): string {
  const dir = temporaryDirectory();
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'a.txt'), seed('000'));
  return dir;
}

describe('bounded input', () => {
  it('refuses a FIFO named on the command line at once (it used to block forever), and checks the other file', async () => {
    const dir = folderWithReport();
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const run = await runCli(['--format', 'json', 'pipe.txt', 'a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('pipe.txt 不是普通文件（命名管道）');
    // Every input accounted for: the FIFO as one fatal entry in its place, then the file checked.
    expect(parseJson(run).map((entry) => [entry.file, entry.diagnostics[0]?.ruleId])).toEqual([
      ['pipe.txt', 'file-unreadable'],
      ['a.txt', undefined],
    ]);
  });

  it('refuses a device named on the command line (/dev/zero is read without end otherwise)', async () => {
    const run = await runCli(['--locale', 'en', '/dev/zero']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/dev/zero is not a regular file (a character device)');
  });

  it('stops reading standard input at the limit: `- < /dev/zero` ends with one clear line', async () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const run = await runWithStdin(['--locale', 'en', '--format', 'json', '-'], zero);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('<stdin> is larger than the 16M limit and was not checked');
      expect((JSON.parse(run.stdout) as { file: string; diagnostics: { ruleId: string; fatal?: boolean }[] }[]).map((entry) => [entry.file, entry.diagnostics.map((d) => [d.ruleId, d.fatal])])).toEqual([
        ['<stdin>', [['file-unreadable', true]]],
      ]);
    } finally {
      closeSync(zero);
    }
  });

  it('refuses a file over the limit before reading it (a file over 2^29 characters stopped the whole run), and checks the others', async () => {
    const dir = folderWithReport();
    const huge = join(dir, 'huge.txt');
    // Sparse: 600 MB that take no disk; reading them would give a string over V8's 2^29 limit.
    closeSync(openSync(huge, 'w'));
    execFileSync('truncate', ['-s', '600M', huge]);
    const run = await runCli(['--format', 'json', 'huge.txt', 'a.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('huge.txt 超过 16M 的大小上限，未检查');
    expect(parseJson(run).map((entry) => [entry.file, entry.diagnostics[0]?.ruleId])).toEqual([
      ['huge.txt', 'file-unreadable'],
      ['a.txt', undefined],
    ]);
  });

  it('takes --max-file-size, and refuses a bad one', async () => {
    const dir = folderWithReport();
    const small = await runCli(['--locale', 'en', '--max-file-size', '2k', 'a.txt'], { cwd: dir });
    expect(small.code).toBe(2);
    expect(small.stderr).toContain('a.txt is larger than the 2k limit');
    expect((await runCli(['--max-file-size', '1M', 'a.txt'], { cwd: dir })).code).toBe(0);
    const bad = await runCli(['--locale', 'en', '--max-file-size', 'lots', 'a.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-file-size needs a positive number of bytes');
  });
});

describe('never crashes', () => {
  it('checks a 10 MB table of "1 " in bounded memory (it ran out of heap: exit 134, no output, the other files never checked)', async () => {
    const dir = folderWithReport();
    const text = seed('000');
    const at = text.indexOf('\n', text.indexOf('三、收到和处理政府信息公开申请情况')) + 1;
    writeFileSync(join(dir, 'big.txt'), `${text.slice(0, at)}${'1 '.repeat(5 * 1024 * 1024)}\n${text.slice(at)}`);
    // A heap of 1.5 GB: the run took 4.2 GB before the reader's work per table was bounded.
    const run = await runCli(['--format', 'json', 'big.txt', 'a.txt'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=1536' } });
    expect(run.stderr).toBe('');
    const entries = parseJson(run);
    expect(entries.map((entry) => entry.file)).toEqual(['big.txt', 'a.txt']);
    // The values past what the reader reads of the region are one finding, not millions.
    expect(entries[0]?.diagnostics.length).toBeLessThan(200);
  }, 180_000);
});

/** Lets others traverse every folder above the given paths; returns the folders changed and their modes, to restore. */
function openPath(paths: readonly string[]): [string, number][] {
  const changed: [string, number][] = [];
  for (const path of paths) {
    for (let folder = dirname(path); ; folder = dirname(folder)) {
      const mode = statSync(folder).mode & 0o7777;
      if ((mode & 0o005) !== 0o005 && !changed.some(([seen]) => seen === folder)) {
        chmodSync(folder, mode | 0o005);
        changed.push([folder, mode]);
      }
      if (dirname(folder) === folder) break;
    }
  }
  return changed;
}

describe('directories', () => {
  it('reports an unreadable subfolder with exit 2 and its name (it was skipped silently with exit 0)', async () => {
    const dir = folderWithReport();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'b.txt'), seed('000'));
    chmodSync(locked, 0o000);
    // As root every folder is readable: the check runs as an unprivileged user there, who must be
    // able to reach the bin and the test folder (a clone under a private mktemp folder is not).
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const opened = uid !== undefined ? openPath([ROOT, dir]) : [];
    try {
      const devNull = openSync('/dev/null', 'r');
      const run = await runWithStdin(['--locale', 'en', '--format', 'json', '.'], devNull, { cwd: dir, ...(uid !== undefined ? { uid } : {}) });
      closeSync(devNull);
      expect(run.stderr).toContain('cannot read locked: permission denied');
      expect(run.code).toBe(2);
      expect(parseJson(run).map((entry) => [entry.file, entry.diagnostics[0]?.ruleId])).toEqual([
        ['locked', 'file-unreadable'],
        ['a.txt', undefined],
      ]);
    } finally {
      for (const [folder, mode] of opened) chmodSync(folder, mode);
      chmodSync(locked, 0o755);
    }
  });

  it('checks each real file once through symbolic links, and a link loop ends', async () => {
    const dir = folderWithReport();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.txt'), seed('001'));
    symlinkSync(join(dir, 'sub'), join(dir, 'link1'));
    symlinkSync(join(dir, 'sub'), join(dir, 'link2'));
    symlinkSync(dir, join(dir, 'sub', 'back'));
    symlinkSync(join(dir, 'a.txt'), join(dir, 'same.txt'));
    const run = await runCli(['--format', 'json', '.'], { cwd: dir });
    expect(parseJson(run).map((entry) => entry.file)).toEqual(['a.txt', 'link1/b.txt']);
  });
});
