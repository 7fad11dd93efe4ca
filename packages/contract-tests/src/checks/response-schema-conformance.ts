import { documentedResponse } from "@mca/spec";
import type { ResponseCheck } from "./check.js";

export const responseSchemaConformance: ResponseCheck = {
  kind: "response",
  name: "response_schema_conformance",
  description:
    "A JSON body is valid against the schema its status documents (JSON Schema 2020-12 with formats).",
  judge: ({ operation, response }, { validator }) => {
    const documented = documentedResponse(operation, response.status);
    const mediaType = response.contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
    const schemaPointer = documented?.content[mediaType];
    if (!schemaPointer) return undefined;
    if (response.json === undefined) return `the body is not valid JSON: ${response.text.slice(0, 200)}`;
    const issues = validator.validate(schemaPointer, response.json);
    return issues.length === 0
      ? undefined
      : issues
          .slice(0, 5)
          .map((issue) => `${issue.instancePath || "(body)"} ${issue.message} (${issue.schemaPath})`)
          .join("; ");
  },
};
