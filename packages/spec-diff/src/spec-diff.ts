import { type JsonObject, listOperations, type Operation, resolveRef } from "@mca/spec";
import { breaking, type Change, compatible } from "./change.js";
import { diffSchemas } from "./schema-diff.js";

function parameterKey(parameter: Operation["parameters"][number]): string {
  return `${parameter.in} parameter ${parameter.name}`;
}

function diffOperation(base: JsonObject, head: JsonObject, before: Operation, after: Operation): Change[] {
  const changes: Change[] = [];
  const label = after.label;
  const paramsBefore = new Map(before.parameters.map((parameter) => [parameterKey(parameter), parameter]));
  const paramsAfter = new Map(after.parameters.map((parameter) => [parameterKey(parameter), parameter]));
  for (const [key, parameter] of paramsAfter) {
    const old = paramsBefore.get(key);
    if (!old) {
      changes.push(
        (parameter.required ? breaking : compatible)(
          "parameter-added",
          label,
          key,
          parameter.required ? "added as required" : "added as optional",
        ),
      );
      continue;
    }
    if (old.required !== parameter.required) {
      changes.push(
        (parameter.required ? breaking : compatible)(
          "parameter-required-changed",
          label,
          key,
          parameter.required ? "became required" : "became optional",
        ),
      );
    }
    changes.push(
      ...diffSchemas(
        { document: base, schema: old.schema },
        { document: head, schema: parameter.schema },
        "request",
        label,
        key,
      ),
    );
  }
  for (const key of paramsBefore.keys()) {
    if (!paramsAfter.has(key))
      changes.push(compatible("parameter-removed", label, key, "no longer read by the server"));
  }

  if (before.requestBody || after.requestBody) {
    if (!before.requestBody && after.requestBody) {
      changes.push(
        (after.requestBody.required ? breaking : compatible)(
          "request-body-added",
          label,
          "request body",
          after.requestBody.required ? "added as required" : "added as optional",
        ),
      );
    } else if (before.requestBody && !after.requestBody) {
      changes.push(compatible("request-body-removed", label, "request body", "no longer read by the server"));
    } else if (before.requestBody && after.requestBody) {
      if (!before.requestBody.required && after.requestBody.required)
        changes.push(breaking("request-body-required-changed", label, "request body", "became required"));
      changes.push(
        ...diffSchemas(
          { document: base, schema: before.requestBody.schema },
          { document: head, schema: after.requestBody.schema },
          "request",
          label,
          "request body",
        ),
      );
    }
  }

  for (const response of after.responses) {
    const old = before.responses.find((candidate) => candidate.status === response.status);
    if (!old) {
      changes.push(
        compatible("response-status-added", label, `${response.status} response`, "newly documented"),
      );
      continue;
    }
    for (const mediaType of Object.keys(response.content)) {
      const from = old.content[mediaType];
      const to = response.content[mediaType];
      if (!from || !to) continue;
      changes.push(
        ...diffSchemas(
          { document: base, schema: { $ref: from } },
          { document: head, schema: { $ref: to } },
          "response",
          label,
          `${response.status} response`,
        ),
      );
    }
  }
  for (const old of before.responses) {
    if (!after.responses.some((response) => response.status === old.status)) {
      changes.push(
        breaking("response-status-removed", label, `${old.status} response`, "no longer documented"),
      );
    }
  }
  return changes;
}

/** Every change from `base` to `head`, each classified for a client of the API. */
export function diffSpecs(base: JsonObject, head: JsonObject): Change[] {
  const before = new Map(listOperations(base).map((operation) => [operation.label, operation]));
  const after = new Map(listOperations(head).map((operation) => [operation.label, operation]));
  const changes: Change[] = [];
  for (const [label, operation] of after) {
    const old = before.get(label);
    if (old) changes.push(...diffOperation(base, head, old, operation));
    else changes.push(compatible("operation-added", label, "operation", "new operation"));
  }
  for (const label of before.keys()) {
    if (!after.has(label))
      changes.push(breaking("operation-removed", label, "operation", "operation removed"));
  }
  const info = (document: JsonObject) => resolveRef(document, document.info);
  if (info(base).description !== info(head).description)
    changes.push(compatible("documentation-changed", "document", "info", "description changed"));
  if (JSON.stringify(base.servers ?? []) !== JSON.stringify(head.servers ?? [])) {
    changes.push(compatible("servers-changed", "document", "servers", "servers changed"));
  }
  return changes;
}

/** The major version number of `info.version` (semver), or undefined. */
export function majorVersion(document: JsonObject): number | undefined {
  const version = resolveRef(document, document.info).version;
  const match = typeof version === "string" ? /^v?(\d+)\./.exec(version) : null;
  return match ? Number(match[1]) : undefined;
}
