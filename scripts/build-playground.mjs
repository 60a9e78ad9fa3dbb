// Builds the offline playground into docs/playground/: the page, the library bundle, and the
// traditional-script converter as a separate file loaded only when a report needs it. Prints the
// sizes (minified and gzipped): the bundle must stay lean.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'docs/playground');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The reader imports opencc-js statically; in the playground that import is the lazy stand-in.
// The document front-ends (web page, PDF, Word) are imported on demand by src/check.ts; in the
// playground each is a script of its own, loaded by a stand-in when a document of its form comes.
const FRONT_ENDS = ['html', 'pdf', 'docx'];
const lazyFrontEnds = {
  name: 'lazy-front-ends',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/document\/(html|pdf|docx)\/index\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'check.ts')) ? { path: join(root, `playground/front-${args.path.split('/')[2]}.ts`) } : undefined,
    );
  },
};
const lazyOpenCC = {
  name: 'lazy-opencc',
  setup(builder) {
    builder.onResolve({ filter: /^opencc-js(\/.*)?$/ }, (args) =>
      args.importer.endsWith(join('playground', 'opencc-entry.ts')) ? undefined : { path: join(root, 'playground/opencc-lazy.ts') },
    );
  },
};

const common = { bundle: true, minify: true, format: 'iife', target: 'es2022', platform: 'browser', legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: [join(root, 'playground/main.ts')], outfile: join(out, 'playground.js'), plugins: [lazyOpenCC, lazyFrontEnds] });
for (const form of FRONT_ENDS) {
  await build({ ...common, entryPoints: [join(root, `playground/reader-${form}.ts`)], outfile: join(out, `reader-${form}.js`), plugins: [lazyOpenCC] });
}
await build({ ...common, entryPoints: [join(root, 'playground/opencc-entry.ts')], outfile: join(out, 'opencc.js') });
copyFileSync(join(root, 'playground/index.html'), join(out, 'index.html'));

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
// The page loads playground.js at once; opencc.js only for reports in traditional script. A
// front-end that grows the first past its budget (the PDF reader, say) must be loaded lazily too.
const BUDGET = {
  'playground.js': 400 * 1024,
  'opencc.js': 300 * 1024,
  'reader-html.js': 600 * 1024,
  'reader-pdf.js': 3 * 1024 * 1024,
  'reader-docx.js': 600 * 1024,
};
let over = false;
for (const name of Object.keys(BUDGET)) {
  const bytes = readFileSync(join(out, name));
  console.log(`docs/playground/${name}: ${kb(bytes.length)} minified, ${kb(gzipSync(bytes, { level: 9 }).length)} gzipped (budget ${kb(BUDGET[name])} minified)`);
  if (bytes.length > BUDGET[name]) over = true;
}
if (over) {
  console.error('build-playground: a bundle is over its budget');
  process.exit(1);
}
