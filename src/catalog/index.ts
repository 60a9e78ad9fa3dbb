/**
 * The template catalog: the official format as data, defined once.
 *
 * @packageDocumentation
 */
export * from './sections.js';
export * from './tables.js';
export * from './templates.js';
export * from './narrative.js';
export * from './views.js';
export * from './layout.js';
