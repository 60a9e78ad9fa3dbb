// pdf.js ships no types for its worker module: the front-end only hands it to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  /** The worker's message handler, which pdf.js runs on the calling thread when given it. */
  export const WorkerMessageHandler: unknown;
}
