import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { ROOT } from './run-cli.js';

// A stream that records what is written, optionally pretending to be a terminal.
function capture(isTTY: boolean, columns = 60): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream & { isTTY: boolean; columns: number };
  stream.isTTY = isTTY;
  stream.columns = columns;
  return { stream, text: () => chunks.join('') };
}

// The command runs here in-process from its sources, where no worker file lies beside it (the
// build writes dist/worker.js): a folder would start the early worker pool, whose workers fail to
// load and, when the machine is slow to destroy the pool, report that as an uncaught error. These
// runs are below the size that uses workers anyway, so they check on the main thread, as with auto.
const run = async (argv: string[], stderrIsTTY: boolean, columns = 60) => {
  const stdout = capture(false);
  const stderr = capture(stderrIsTTY, columns);
  const code = await runCli({ argv: ['--concurrency', '1', ...argv], stdin: () => Readable.from([]), stdout: stdout.stream, stderr: stderr.stream, cwd: ROOT, env: {}, version: '0.0.0' });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
};

describe('the progress line', () => {
  it('on a terminal, shows file n of N on stderr and erases itself at the end', async () => {
    const { stderr, stdout } = await run(['--format', 'json', 'test/fixtures/seeds'], true);
    expect(stderr).toContain('检查中 1/5 test/fixtures/seeds/000.txt');
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(stderr.split('\r\u001b[2K').every((line) => line.length <= 59)).toBe(true);
    expect(JSON.parse(stdout)).toHaveLength(5);
  });

  it('is not shown for one file, nor off a terminal', async () => {
    expect((await run(['--format', 'json', 'test/fixtures/seeds/001.txt'], true)).stderr).toBe('');
    expect((await run(['--format', 'json', 'test/fixtures/seeds'], false)).stderr).toBe('');
  });

  it('cuts a long path from the left to fit the terminal', async () => {
    const { stderr } = await run(['--format', 'json', '--locale', 'en', 'test/fixtures/seeds/000.txt', 'test/fixtures/encodings/001.gb18030.txt'], true, 40);
    // 39 columns: "checking 2/2 " leaves 26, so "…" and the path's last 25 characters.
    expect(stderr).toContain('\u001b[2Kchecking 2/2 …encodings/001.gb18030.txt\r');
  });
});
