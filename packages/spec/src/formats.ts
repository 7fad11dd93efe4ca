import type { Ajv, Format } from "ajv";
import ajvFormats from "ajv-formats";
import { parseApiDateTime } from "./date-time.js";
import { API_UUID } from "./uuid.js";

/** `date-time` as the API (pydantic 2) reads it: see parseApiDateTime. */
export const API_DATE_TIME: Format = {
  type: "string",
  validate: (text: string) => parseApiDateTime(text) !== undefined,
};

// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose `default` is the plugin.
const addFormats = ajvFormats.default;

export function addApiFormats(ajv: Ajv): Ajv {
  addFormats(ajv, { mode: "full" });
  ajv.addFormat("date-time", API_DATE_TIME);
  ajv.addFormat("uuid", { type: "string", validate: API_UUID });
  // OpenAPI's `password` format is a UI hint with no constraint on the value.
  ajv.addFormat("password", true);
  return ajv;
}
