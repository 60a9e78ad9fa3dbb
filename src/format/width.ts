// Terminal display width: Chinese characters and full-width punctuation take two columns, so
// padding by string length would misalign every column after a Chinese message.

const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

const isZeroWidth = (code: number): boolean =>
  (code >= 0x0300 && code <= 0x036f) || (code >= 0x200b && code <= 0x200f) || code === 0xfeff;

/** Columns a string takes in a terminal (wide characters count two, combining marks none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (isZeroWidth(code)) continue;
    width += WIDE_RANGES.some(([low, high]) => code >= low && code <= high) ? 2 : 1;
  }
  return width;
}

/** Pads a string with spaces on the right to a display width. */
export function padDisplay(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

// A line may not begin with closing punctuation nor end with opening punctuation (kinsoku): the
// punctuation moves to the next line, taking the character it follows with it.
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…,.;:?!)]}%']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

/**
 * Breaks text into lines of at most `width` display columns. Chinese text may break between any
 * two characters; runs of Latin letters and digits break at spaces only (a word longer than a
 * line is cut), never inside — `2/64/80430；` moves down whole rather than leave `0；` to start a
 * line; no line starts with closing punctuation.
 */
export function wrapDisplay(text: string, width: number): string[] {
  const limit = Math.max(8, Math.floor(width));
  // Tokens: a run of non-space ASCII (a word, a number, a rule id), a run of spaces, or one other character.
  const tokens = text.match(/[\x21-\x7e]+| +|[^]/gu) ?? [];
  const lines: string[] = [];
  // The current line as its tokens: punctuation carries whole tokens down, never part of a number.
  let line: string[] = [];
  let lineWidth = 0;
  const flush = (): void => {
    lines.push(line.join('').trimEnd());
    line = [];
    lineWidth = 0;
  };
  for (const token of tokens) {
    if (token.startsWith(' ') && lineWidth === 0) continue;
    const tokenWidth = displayWidth(token);
    if (lineWidth + tokenWidth <= limit) {
      line.push(token);
      lineWidth += tokenWidth;
      continue;
    }
    if (token.startsWith(' ')) {
      flush();
      continue;
    }
    if (tokenWidth > limit) {
      for (const char of token) {
        const charWidth = displayWidth(char);
        if (lineWidth + charWidth > limit) flush();
        line.push(char);
        lineWidth += charWidth;
      }
      continue;
    }
    // Carry tokens down rather than start a line with closing or end one with opening punctuation,
    // as long as what is carried still fits a line with the token.
    const carried: string[] = [];
    const carry = (): void => {
      carried.unshift(line.pop() as string);
    };
    if (NO_LINE_START.has(token[0] as string) && line.length > 1) carry();
    while (line.length > 1 && NO_LINE_END.has(line.at(-1) as string)) carry();
    if (displayWidth(carried.join('')) + tokenWidth > limit) line.push(...carried.splice(0));
    flush();
    line = [...carried, token];
    lineWidth = displayWidth(line.join(''));
  }
  if (line.join('').trim() !== '' || lines.length === 0) lines.push(line.join('').trimEnd());
  return lines;
}
