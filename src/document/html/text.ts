/**
 * A web page's visible text, character by character, with where each character is written in the
 * page's source: a text node's characters are its source's characters, except character
 * references (`&nbsp;`, `&#20013;`), which are decoded exactly as the parser decoded them (the same
 * decoder parse5 uses) and stand for the whole reference.
 *
 * @packageDocumentation
 */
import { DecodingMode, HtmlEntityDecoder } from 'entities/decode';
import type { PlainTextBuilder } from '../plain.js';

const AMPERSAND = 0x26;
const LESS_THAN = 0x3c;
const CARRIAGE_RETURN = 0x0d;
const NEWLINE = 0x0a;

/**
 * Whether a code is a space the page's text collapses: HTML's whitespace (space, tab, newline, form
 * feed, carriage return) and the no-break space Word writes as `&nbsp;` (normalization would fold it
 * into a space anyway; collapsing it here keeps a cell of only `&nbsp;` empty).
 */
export const isHtmlSpace = (code: number): boolean =>
  code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0xa0;

/**
 * Writes the lines of a document's plain text: runs of HTML whitespace collapse into one space,
 * written only before the next visible character (so no line starts or ends with one), and every
 * character keeps its place in the source.
 */
export class LineWriter {
  // A space waiting for the next visible character, and the source offset it stands for.
  private pendingSpace = -1;
  // Whether the current line has a visible character.
  private open = false;
  private decoded = '';
  private readonly decoder = new HtmlEntityDecoder((codePoint) => {
    this.decoded += String.fromCodePoint(codePoint);
  });

  /** @param builder - the plain text being built */
  constructor(readonly builder: PlainTextBuilder) {}

  /** Whether the current line holds a visible character. */
  get lineOpen(): boolean {
    return this.open;
  }

  /** A space between two runs (a `<br>` or `<p>` inside a cell), written only if more text follows. */
  space(sourceOffset: number): void {
    if (this.open && this.pendingSpace < 0) this.pendingSpace = sourceOffset;
  }

  /** Drops a space that is waiting (at the end of a cell, before a separator). */
  dropSpace(): void {
    this.pendingSpace = -1;
  }

  /** Ends the current line (when it has anything on it) with a newline standing for `sourceOffset`. */
  endLine(sourceOffset: number): void {
    this.pendingSpace = -1;
    if (!this.open) return;
    this.builder.appendAt('\n', sourceOffset);
    this.open = false;
  }

  /** Writes generated text (a cell separator) that stands for one place of the source. */
  generated(text: string, sourceOffset: number): void {
    this.pendingSpace = -1;
    this.builder.appendAt(text, sourceOffset);
    this.open = true;
  }

  private flushSpace(): void {
    if (this.pendingSpace >= 0) {
      this.builder.appendAt(' ', this.pendingSpace);
      this.pendingSpace = -1;
    }
  }

  /**
   * Writes a text node: `value` as the parser decoded it, `source` the whole page, `[start, end)`
   * where the node is written. When the source and the value do not line up (text the parser moved,
   * such as text fostered out of a table), the rest of the node stands for its last place that did.
   */
  text(value: string, source: string, start: number, end: number): void {
    // Most text is written in the source as the parser read it (no reference, no carriage return,
    // nothing moved): its characters are then written where they stand, without comparing each
    // with the source.
    if (end - start === value.length && !value.includes('&') && source.startsWith(value, start)) {
      this.verbatim(value, start);
      return;
    }
    let at = start;
    let index = 0;
    let runStart = -1;
    let runFrom = 0;
    const flushRun = (upTo: number): void => {
      if (runStart >= 0) {
        this.builder.append(value.slice(runFrom, upTo), runStart);
        runStart = -1;
      }
    };
    while (index < value.length) {
      const here = at;
      const code = value.charCodeAt(index);
      const raw = at < end ? source.charCodeAt(at) : -1;
      if (raw === AMPERSAND) {
        // A character reference: decode it as the parser did to know how much source it took.
        const taken = this.reference(source, at, end);
        if (taken > 0 && value.startsWith(this.decoded, index)) {
          flushRun(index);
          this.visible(this.decoded, at, taken);
          index += this.decoded.length;
          at += taken;
          continue;
        }
        if (code !== AMPERSAND) {
          flushRun(index);
          this.rest(value, index, at);
          return;
        }
        // A bare & the parser kept as written.
      } else if (raw === CARRIAGE_RETURN && code === NEWLINE) {
        // The parser folds \r\n and a lone \r into \n.
        if (source.charCodeAt(at + 1) === NEWLINE) at++;
      } else if (raw !== code) {
        if (raw === LESS_THAN) {
          // A tag the parser dropped inside merged text (a stray end tag): skip it.
          const close = source.indexOf('>', at);
          if (close >= 0 && close < end) {
            flushRun(index);
            at = close + 1;
            continue;
          }
        }
        flushRun(index);
        this.rest(value, index, at);
        return;
      }
      if (isHtmlSpace(code)) {
        flushRun(index);
        if (this.open && this.pendingSpace < 0) this.pendingSpace = here;
      } else {
        if (runStart < 0) {
          this.flushSpace();
          this.open = true;
          runStart = at;
          runFrom = index;
        }
      }
      index++;
      at++;
    }
    flushRun(index);
  }

  /** Writes a text node whose characters are those of the source from `start` on. */
  private verbatim(value: string, start: number): void {
    let runStart = -1;
    for (let index = 0; index < value.length; index++) {
      if (isHtmlSpace(value.charCodeAt(index))) {
        if (runStart >= 0) {
          this.builder.append(value.slice(runStart, index), start + runStart);
          runStart = -1;
        }
        if (this.open && this.pendingSpace < 0) this.pendingSpace = start + index;
      } else if (runStart < 0) {
        this.flushSpace();
        this.open = true;
        runStart = index;
      }
    }
    if (runStart >= 0) this.builder.append(value.slice(runStart), start + runStart);
  }

  /** Writes decoded characters that stand for one place (a reference, or text that lost its alignment). */
  private visible(text: string, sourceOffset: number, sourceLength = 1): void {
    let from = 0;
    for (let index = 0; index <= text.length; index++) {
      const code = index < text.length ? text.charCodeAt(index) : -1;
      if (code === -1 || isHtmlSpace(code)) {
        if (index > from) {
          this.flushSpace();
          this.builder.appendAt(text.slice(from, index), sourceOffset, sourceLength);
          this.open = true;
        }
        if (code !== -1 && this.open && this.pendingSpace < 0) this.pendingSpace = sourceOffset;
        from = index + 1;
      }
    }
  }

  private rest(value: string, index: number, at: number): void {
    this.visible(value.slice(index), at);
  }

  /** Length of the character reference at `at` (0 when `&` starts none); its characters in `decoded`. */
  private reference(source: string, at: number, end: number): number {
    this.decoded = '';
    this.decoder.startEntity(DecodingMode.Legacy);
    // The node's own source only: a reference never runs on past its text.
    const slice = source.slice(at, Math.min(end, at + 64));
    let taken = this.decoder.write(slice, 1);
    if (taken < 0) taken = this.decoder.end();
    return taken;
  }
}
