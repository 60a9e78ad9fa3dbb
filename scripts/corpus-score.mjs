// Corpus accuracy figures: false errors on whole reports, listed errors missed, excerpts' error
// counts, and the truth cells read right. Usage, after `npm run build`:
//   node dist/cli.js -f json test/fixtures/corpus/*.txt > out.json; node scripts/corpus-score.mjs out.json
// With --cells it also reads the truth files' reports with the built library and counts cells.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const corpus = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'corpus');
const results = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const findings = JSON.parse(fs.readFileSync(path.join(corpus, 'findings.json'), 'utf8')).files;
let falseErrors = 0;
let missed = 0;
let right = 0;
let whole = 0;
for (const result of results) {
  const id = result.file.match(/(\d+)\.\w+$/)[1];
  const expected = findings[id];
  if (!expected) continue;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const rules = new Set(errors.map((d) => d.ruleId));
  const falseOnes = errors.filter((d) => !expected.errors.includes(d.ruleId));
  const missing = expected.errors.filter((rule) => !rules.has(rule));
  if (expected.whole) {
    falseErrors += falseOnes.length;
    whole++;
    if (falseOnes.length === 0 && missing.length === 0) right++;
  }
  missed += missing.length;
  const counts = {};
  for (const d of errors) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  console.log(id, expected.whole ? 'W' : 'p', 'errors:', errors.length, JSON.stringify(counts), 'missed:', missing.join(','));
}
console.log('false errors on whole:', falseErrors, 'missed:', missed, 'whole right:', right, '/', whole);

if (process.argv.includes('--cells')) {
  const { parseReport } = await import('../dist/index.js');
  let decidable = 0;
  let cellsRight = 0;
  let ambiguous = 0;
  let ambiguousReported = 0;
  for (const name of fs.readdirSync(path.join(corpus, 'truth')).sort()) {
    const truth = JSON.parse(fs.readFileSync(path.join(corpus, 'truth', name), 'utf8'));
    const report = parseReport(fs.readFileSync(path.join(corpus, truth.file), 'utf8'));
    const open = new Set(truth.ambiguousInText ?? []);
    for (const [table, rows] of Object.entries(truth.tables)) {
      for (const [row, columns] of Object.entries(rows ?? {})) {
        for (const [column, value] of Object.entries(columns)) {
          const cell = report.tables[table]?.rows[row]?.cells[column];
          const read = cell === undefined ? undefined : cell.kind === 'blank' ? null : cell.kind === 'count' || cell.kind === 'signed' ? String(cell.value) : cell.kind === 'amount' ? cell.value.toString() : cell.text;
          if (open.has(`${table}.${row}.${column}`)) {
            ambiguous++;
            if (cell === undefined && report.unplaced.some((u) => u.table === table && u.reason === 'ambiguous' && u.cells?.includes(`${row}.${column}`))) ambiguousReported++;
          } else {
            decidable++;
            if (read === value) cellsRight++;
          }
        }
      }
    }
  }
  console.log('truth cells right:', cellsRight, '/', decidable, 'decidable; undecidable reported ambiguous:', ambiguousReported, '/', ambiguous);
}
