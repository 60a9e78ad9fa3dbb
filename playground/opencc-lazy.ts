/**
 * Stands in for `opencc-js/t2cn` in the playground bundle: the traditional→simplified converter is
 * about half of the library's size, and most reports are in simplified script. The reader asks for
 * a converter only when the text holds traditional characters; until the real one is loaded (by
 * {@link loadConverter}), the stand-in notes that it was wanted and leaves text as it is, and the
 * playground checks again once it is loaded.
 */
type Convert = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
}

const GLOBAL_NAME = '__xxgkOpenCC';
// Kept on globalThis: the reader scripts (web page, PDF, Word) carry their own copy of this module.
const WANTED = '__xxgkOpenCCWanted';
const host = globalThis as Record<string, unknown>;
let loading: Promise<void> | undefined;

const loaded = (): OpenCCModule | undefined => (globalThis as Record<string, unknown>)[GLOBAL_NAME] as OpenCCModule | undefined;

/** The converter the reader calls, delegating to the real one once it is loaded. */
export function Converter(options: { from: string; to: string }): Convert {
  let real: Convert | undefined;
  return (text) => {
    const module = loaded();
    if (!module) {
      host[WANTED] = true;
      return text;
    }
    real ??= module.Converter(options);
    return real(text);
  };
}

/** True when a check since the last {@link resetWanted} needed the converter before it was loaded. */
export const converterWanted = (): boolean => host[WANTED] === true && !loaded();

/** Forgets that the converter was wanted (before a new check). */
export const resetWanted = (): void => {
  host[WANTED] = false;
};

/** True once the real converter is loaded. */
export const converterLoaded = (): boolean => loaded() !== undefined;

/** Loads the real converter from `opencc.js` beside the page (a classic script: works from disk too). */
export function loadConverter(src: string): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`cannot load ${src}`));
    document.head.append(script);
  });
  return loading;
}
