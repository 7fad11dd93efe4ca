import { documentedResponse } from "@mca/spec";
import type { ResponseCheck } from "./check.js";

export const responseHeadersConformance: ResponseCheck = {
  kind: "response",
  name: "response_headers_conformance",
  description: "Every response header the status documents as required is present.",
  judge: ({ operation, response }) => {
    const documented = documentedResponse(operation, response.status);
    const missing = Object.entries(documented?.headers ?? {})
      .filter(([name, required]) => required && !(name in response.headers))
      .map(([name]) => name);
    return missing.length > 0 ? `missing required response header(s): ${missing.join(", ")}` : undefined;
  },
};
