import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import * as ToTraditional from 'opencc-js/cn2t';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { traditionalToSimplified } from '../../src/read/script.js';

// The oracle: OpenCC's own converter, as the reader used it before it had its own tables.
const openCC = OpenCC.Converter({ from: 'tw', to: 'cn' });
const convert = traditionalToSimplified();
const toTraditional = ToTraditional.Converter({ from: 'cn', to: 'tw' });

const FIXTURES = new URL('../fixtures/', import.meta.url);
const textsIn = (folder: string): string[] =>
  readdirSync(new URL(folder, FIXTURES))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(new URL(`${folder}${name}`, FIXTURES), 'utf8'));

/** The keys of every dictionary of OpenCC's tw2s configuration, read from the package, not restated. */
function dictionaryKeys(): string[] {
  const configuration = (OpenCC.Locale.configs as Record<string, { normalizationChain?: unknown; segmentation?: unknown; conversionChain: unknown }>).tw2s;
  const keys: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') for (const entry of value.split('|')) keys.push(entry.split(' ')[0] as string);
    else if (Array.isArray(value)) {
      if (value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !value[0].includes(' ')) keys.push(value[0]);
      else value.forEach(visit);
    }
  };
  visit([configuration?.normalizationChain, configuration?.segmentation, configuration?.conversionChain]);
  return keys.filter((key) => key.length > 0);
}

describe('traditionalToSimplified', () => {
  const keys = dictionaryKeys();
  const phrases = keys.filter((key) => [...key].length > 1);
  const singles = keys.filter((key) => [...key].length === 1);

  it('reads every dictionary of the configuration (the property below is not vacuous)', () => {
    expect(phrases.length).toBeGreaterThan(1000);
    expect(singles).toContain('報');
    // A compatibility ideograph (U+F900), normalized before the conversion proper.
    expect(singles).toContain('\uf900');
    expect(singles.some((key) => key.length === 2)).toBe(true);
  });

  it('converts every text fixture, and each in traditional script, as OpenCC does', () => {
    const texts = [...textsIn('seeds/'), ...textsIn('corpus/')];
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      expect(convert(text)).toBe(openCC(text));
      const traditional = toTraditional(text);
      expect(convert(traditional)).toBe(openCC(traditional));
    }
  });

  it('converts any mix of keys, cut keys, astral characters, description sequences and lone surrogates as OpenCC does', () => {
    const piece = fc.oneof(
      fc.constantFrom(...phrases),
      fc.constantFrom(...singles),
      // A phrase cut short: the longest match must fall back to a shorter key, or to none.
      fc.constantFrom(...phrases).map((phrase) => phrase.slice(0, -1)),
      fc.constantFrom(...phrases).map((phrase) => phrase.slice(1)),
      fc.constantFrom('⿰', '⿱', '⿲', '⿳', '⿴', '⿻', '\ud842', '\udfb7', '𠮷', '𪟝', '0', '|', '\n', ' ', '報告'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(convert(text)).toBe(openCC(text));
      }),
      { seed: 21, numRuns: 3000 },
    );
  });
});
