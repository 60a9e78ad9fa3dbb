import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';

// The official SARIF 2.1.0 schema is draft-04 (`id`, not `$id`); it uses nothing else draft-07
// reads differently, so renaming that key lets Ajv's draft-07 validator take it as is.
const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const { $schema: _draft, id, ...rest } = schema;
const ajv = new Ajv({ allErrors: true, strict: false });

// The formats the schema names, checked for real rather than ignored.
const URI_CHARS = /^[^\s<>"{}|\\^`]*$/;
ajv.addFormat('uri', (value: string) => URI_CHARS.test(value) && URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => URI_CHARS.test(value) && URL.canParse(value, 'file:///base/'));
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value)));

const validate = ajv.compile({ ...rest, $id: id as string });

/** Validates a SARIF log against the SARIF 2.1.0 schema; returns the errors (empty when valid). */
export function sarifErrors(log: unknown): ErrorObject[] {
  return validate(log) ? [] : [...(validate.errors ?? [])];
}
