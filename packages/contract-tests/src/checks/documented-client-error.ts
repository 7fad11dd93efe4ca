import { documentedResponse, type Operation } from "@mca/spec";

/** A 4xx the operation documents (exactly, by range, or by `default`): how a refusal must look. */
export function isDocumentedClientError(operation: Operation, status: number): boolean {
  return status >= 400 && status < 500 && documentedResponse(operation, status) !== undefined;
}
