/**
 * Loading the playground's heavy parts only when a report needs them: each is a classic script
 * beside the page (so the playground works opened from disk, where module scripts are refused)
 * that registers itself on `globalThis`.
 */
const loading = new Map<string, Promise<void>>();

/** Loads `name` (a script beside the page) once; resolves when it has run. */
export function loadScript(name: string): Promise<void> {
  let promise = loading.get(name);
  if (!promise) {
    promise = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(name, document.baseURI).href;
      script.onload = () => resolve();
      script.onerror = () => {
        loading.delete(name);
        reject(new Error(`cannot load ${name}`));
      };
      document.head.append(script);
    });
    loading.set(name, promise);
  }
  return promise;
}

/** What the reader scripts register: each front-end's module, by form. */
export interface ReaderRegistry {
  html?: typeof import('../src/document/html/index.js');
  pdf?: typeof import('../src/document/pdf/index.js');
  docx?: typeof import('../src/document/docx/index.js');
}

/** The registry the reader scripts fill. */
export const readers = (): ReaderRegistry => ((globalThis as Record<string, unknown>).__xxgkReaders ??= {}) as ReaderRegistry;
