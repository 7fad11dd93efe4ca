import type { Operation } from "@mca/validation";

/** True when `status` is listed for the operation exactly or by its range (`4XX`). */
export function isDocumentedStatus(operation: Operation, status: number): boolean {
  return operation.responses.some(
    (response) =>
      response.status === String(status) || response.status.toUpperCase() === `${String(status)[0]}XX`,
  );
}
