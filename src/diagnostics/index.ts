/**
 * Diagnostics: the structured findings rules report, and how their messages are rendered.
 *
 * @packageDocumentation
 */
export * from './diagnostic.js';
export * from './labels.js';
export * from './render.js';
