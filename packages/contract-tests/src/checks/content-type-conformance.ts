import { documentedResponse } from "@mca/spec";
import type { ResponseCheck } from "./check.js";

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(";")[0]?.trim().toLowerCase();
}

export const contentTypeConformance: ResponseCheck = {
  kind: "response",
  name: "content_type_conformance",
  description: "A response with a body has a Content-Type its status documents.",
  judge: ({ operation, response }) => {
    const documented = documentedResponse(operation, response.status);
    const mediaTypes = Object.keys(documented?.content ?? {}).map((type) => type.toLowerCase());
    if (!documented || mediaTypes.length === 0) return undefined;
    const actual = mediaType(response.contentType);
    if (actual === undefined)
      return response.text === "" ? undefined : "the response has a body but no Content-Type";
    return mediaTypes.includes(actual)
      ? undefined
      : `Content-Type ${actual} is not documented (documented: ${mediaTypes.join(", ")})`;
  },
};
