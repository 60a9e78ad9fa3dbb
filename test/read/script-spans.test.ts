import fc from 'fast-check';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/index.js';
import { normalize } from '../../src/read/source.js';
import { seedText } from '../support/fixtures.js';

const convert = OpenCC.Converter({ from: 'tw', to: 'cn' });

// The characters OpenCC's traditional → simplified fold changes the UTF-16 length of, found by
// converting every character of its character dictionary (read from the package, not restated):
// those it widens (勣 → 𪟝) and those it narrows (𡻕 → 岁).
async function lengthChangingCharacters(): Promise<{ widened: string[]; narrowed: string[]; phrases: string[] }> {
  const load = async (name: string): Promise<string> =>
    ((await import(`../../node_modules/opencc-js/dist/esm-lib/dict/${name}.js`)) as { default: string }).default;
  const widened: string[] = [];
  const narrowed: string[] = [];
  for (const entry of (await load('TSCharacters')).split('|')) {
    const key = entry.split(' ')[0] as string;
    const converted = convert(key);
    if (converted.length > key.length) widened.push(key);
    else if (converted.length < key.length) narrowed.push(key);
  }
  const phrases = (await load('TSPhrases'))
    .split('|')
    .map((entry) => entry.split(' ')[0] as string)
    .filter((phrase) => [...phrase].length > 1 && convert(phrase).length !== phrase.length);
  return { widened, narrowed, phrases };
}

describe('exact spans in traditional script', async () => {
  const { widened, narrowed, phrases } = await lengthChangingCharacters();

  it('finds the characters OpenCC widens and narrows (the property below is not vacuous)', () => {
    expect(widened).toContain('勣');
    expect(widened).toContain('瓛');
    expect(narrowed).toContain('𡻕');
    expect(phrases).toContain('二噁英');
  });

  it('keeps every character in place around characters whose conversion changes length', () => {
    const traditional = ['報', '開', '與', '數', '處', '請', '關', '務', '機', '復', '發', '說'];
    const piece = fc.oneof(
      fc.constantFrom(...traditional),
      fc.constantFrom(...widened),
      fc.constantFrom(...narrowed),
      fc.constantFrom(...phrases),
      fc.constantFrom('0', '7', '42', '\n', '|', '、'),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 60 }), (pieces) => {
        const text = `報告${pieces.join('')}`;
        const source = normalize(text);
        // Nothing here is dropped or replaced by normalization itself: the fold must be one for one.
        expect(source.text.length).toBe(text.length);
        for (let offset = 0; offset < source.text.length; offset++) {
          expect(source.originalOffset(offset)).toBe(offset);
          const code = source.text.charCodeAt(offset);
          // Digits and marks are never converted: each must sit exactly where it was written.
          if (code < 0x3400) expect(source.text[offset]).toBe(text[offset]);
        }
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('every cell span and heading of a traditional report stays in place between two such characters', () => {
    // One widened character before the tables and one narrowed after them: the whole text keeps its
    // length, the part between them does not (the reproducer of issue 14: every span and heading
    // one character off).
    const text = `勣${seedText('004')}𡻕`;
    const { report } = checkText(text);
    const table = report.tables.applications;
    expect(table).toBeDefined();
    let checked = 0;
    for (const row of Object.values(table?.rows ?? {})) {
      for (const cell of Object.values(row?.cells ?? {}) as { kind: string; value?: unknown; span?: { start: number; end: number } }[]) {
        if (cell.kind !== 'count' || !cell.span) continue;
        expect(text.slice(cell.span.start, cell.span.end)).toBe(String(cell.value));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    for (const section of report.sections) {
      if (!section.headingSpan) continue;
      expect(convert(text.slice(section.headingSpan.start, section.headingSpan.end)).replace(/[,\s]/g, '')).toBe(
        convert(section.heading).replace(/[,\s]/g, ''),
      );
    }
  });
});
