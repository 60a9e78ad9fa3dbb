import packageJson from '../../package.json' with { type: 'json' };
import { requestedLocale } from './args.js';
import { COMMAND, message } from './messages.js';
import { EXIT, runCli } from './run.js';

// The bin: runs the command on this process and never lets a stack trace reach the user.
runCli({
  argv: process.argv.slice(2),
  stdin: () => process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  version: packageJson.version,
  // Without --docs-url or docsUrl, rule links go to the package's homepage, when package.json declares one.
  ...('homepage' in packageJson && typeof packageJson.homepage === 'string' ? { homepage: packageJson.homepage } : {}),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`${COMMAND}: ${message('internal', requestedLocale(process.argv.slice(2)), { reason: reason ?? '' })}\n`);
    process.exitCode = EXIT.failure;
  },
);
