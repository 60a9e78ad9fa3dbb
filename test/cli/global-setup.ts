import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { Options } from 'tsup';
import configs from '../../tsup.config.js';

// The CLI tests spawn the built bin as a user would. It bundles the library, so building its entry
// (with the project's own tsup settings) is all they need — a second or two, not the full build.
export default async function setup(): Promise<void> {
  const list = (Array.isArray(configs) ? configs : [configs]) as Options[];
  const cli = list.find((config) => typeof config.entry === 'object' && !Array.isArray(config.entry) && 'cli' in config.entry);
  if (!cli) throw new Error('tsup.config.ts has no cli entry');
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const previous = process.cwd();
  process.chdir(root);
  try {
    await build({ ...cli, config: false, silent: true });
  } finally {
    process.chdir(previous);
  }
}
