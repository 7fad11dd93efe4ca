import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { addApiFormats } from "./formats.js";

/** One reason a value does not match its schema. */
export interface SchemaIssue {
  /** JSON pointer into the value, `""` for the value itself. */
  instancePath: string;
  /** JSON pointer into the schema, e.g. `#/components/schemas/GuestConnection/properties/status/enum`. */
  schemaPath: string;
  message: string;
  /** The JSON Schema keyword that failed (`required`, `maxLength`, `format`…) and ajv's parameters for it. */
  keyword: string;
  params: Record<string, unknown>;
}

export interface SpecValidator {
  /** Validates `value` against the schema at `pointer` (`#/components/schemas/X`, or any JSON pointer). */
  validate(pointer: string, value: unknown): SchemaIssue[];
  /** The compiled validator for `pointer`, compiled once and cached by ajv. */
  compile(pointer: string): ValidateFunction;
}

const SPEC_ID = "https://mca.local/openapi.json";

function toIssue(error: ErrorObject): SchemaIssue {
  return {
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    message: error.message ?? error.keyword,
    keyword: error.keyword,
    params: error.params as Record<string, unknown>,
  };
}

function createApiAjv(): Ajv2020 {
  // strict mode is off because OpenAPI documents carry keywords JSON Schema does not know
  // (`example`, `discriminator`, `xml`) and non-schema siblings around every schema.
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
  addApiFormats(ajv);
  return ajv;
}

/**
 * Builds the validator every tool shares. `document` is the bundled OpenAPI 3.1 document: its schemas
 * are JSON Schema 2020-12, and `$ref`s between them resolve inside the document.
 */
export function createSpecValidator(document: object): SpecValidator {
  const ajv = createApiAjv();
  ajv.addSchema(document, SPEC_ID);

  // ajv caches compiled schemas, but finds one by resolving the pointer through the document on every call:
  // a server that validates each request and answer would pay that walk per call
  const compiled = new Map<string, ValidateFunction>();
  function compile(pointer: string): ValidateFunction {
    const known = compiled.get(pointer);
    if (known) return known;
    const fragment = pointer.startsWith("#") ? pointer : `#${pointer}`;
    const validate = ajv.getSchema(`${SPEC_ID}${fragment}`);
    if (!validate) throw new Error(`No schema at ${fragment} in the OpenAPI document`);
    compiled.set(pointer, validate);
    return validate;
  }

  return {
    compile,
    validate(pointer, value) {
      const validate = compile(pointer);
      return validate(value) ? [] : (validate.errors ?? []).map(toIssue);
    },
  };
}

/**
 * Validates one value against one self-contained schema (no `$ref`s left) with the same set-up as
 * `createSpecValidator`. For tools, like the spec linter, that see a schema outside its document.
 */
export function validateAgainstSchema(schema: object, value: unknown): SchemaIssue[] {
  const validate = createApiAjv().compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map(toIssue);
}
