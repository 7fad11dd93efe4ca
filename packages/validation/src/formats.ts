import type { Ajv, Format } from "ajv";
import ajvFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats.js";

/**
 * The API is a FastAPI service: it emits and accepts timestamps without a UTC offset
 * (`2025-12-12T10:30:00.123456`, read as UTC) as well as with one. Strict RFC 3339 `date-time`
 * would reject the docs' own examples, so `date-time` here is ISO 8601 with an optional offset.
 */
export const API_DATE_TIME: Format = fullFormats["iso-date-time"];

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = ajvFormats.default;

export function addApiFormats(ajv: Ajv): Ajv {
  addFormats(ajv, { mode: "full" });
  ajv.addFormat("date-time", API_DATE_TIME);
  // OpenAPI's `password` format is a UI hint with no constraint on the value.
  ajv.addFormat("password", true);
  return ajv;
}
