import { documentedResponse } from "@mca/spec";
import type { ResponseCheck } from "./check.js";

export const statusCodeConformance: ResponseCheck = {
  kind: "response",
  name: "status_code_conformance",
  description: "Every status is documented for its operation (exactly, as a range like 4XX, or by default).",
  judge: ({ operation, response }) =>
    documentedResponse(operation, response.status)
      ? undefined
      : `status ${response.status} is not documented for ${operation.label} (documented: ${operation.responses.map((documented) => documented.status).join(", ")})`,
};
