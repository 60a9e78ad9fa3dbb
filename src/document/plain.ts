/**
 * Building a front-end's plain text together with the map from each of its characters back to the
 * original (a web page's source): the input of {@link normalizeMapped}.
 *
 * @packageDocumentation
 */
import { lastAtMost } from '../read/source.js';
import type { PlainTextMap } from '../read/source.js';

/**
 * Collects the plain text of a document piece by piece, each piece with where it came from: a run
 * copied from the original (character `i` maps to `originalStart + i`) or text the front-end
 * generated (a line break between blocks, a bar between cells), which maps to one original offset.
 */
export class PlainTextBuilder {
  private readonly parts: string[] = [];
  private readonly starts: number[] = [];
  private readonly origins: number[] = [];
  private readonly copied: boolean[] = [];
  private readonly widths: number[] = [];
  private size = 0;

  /** Length of the plain text so far: the offset the next piece starts at. */
  get length(): number {
    return this.size;
  }

  /** The last character appended, or `''`. */
  get lastChar(): string {
    const last = this.parts[this.parts.length - 1];
    return last === undefined ? '' : last.charAt(last.length - 1);
  }

  /** Appends characters copied one for one from the original, starting at `originalStart`. */
  append(text: string, originalStart: number): void {
    this.push(text, originalStart, true, 1);
  }

  /**
   * Appends characters that stand for one place of the original: generated text (a line break
   * between blocks) or what a reference decodes to (`&nbsp;`, `&#x6587;`, whose `originalLength`
   * is the reference's, so that a span ending with it ends where it does).
   */
  appendAt(text: string, originalOffset: number, originalLength = 1): void {
    this.push(text, originalOffset, false, originalLength);
  }

  private push(text: string, origin: number, copied: boolean, width: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.starts.push(this.size);
    this.origins.push(origin);
    this.copied.push(copied);
    this.widths.push(width);
    this.size += text.length;
  }

  /** The plain text and its map back to the original. */
  build(locate?: PlainTextMap['locate']): PlainTextMap {
    const plain = this.parts.join('');
    const { starts, origins, copied, widths } = this;
    let hint = 0;
    const map: PlainTextMap = {
      plain,
      originalOffset(offset: number): number {
        if (starts.length === 0) return 0;
        hint = lastAtMost(starts, offset, hint);
        const origin = origins[hint] as number;
        return copied[hint] ? origin + (offset - (starts[hint] as number)) : origin;
      },
      originalEnd(offset: number): number {
        if (starts.length === 0) return 0;
        hint = lastAtMost(starts, offset, hint);
        const origin = origins[hint] as number;
        return copied[hint] ? origin + (offset - (starts[hint] as number)) + 1 : origin + (widths[hint] as number);
      },
    };
    return locate ? { ...map, locate } : map;
  }
}
