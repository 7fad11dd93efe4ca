// The bundle and the split source as tools we did not write see them, with no rewriting step in between.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bundlePath, loadBundle } from "./support/spec.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);

/** The official OpenAPI 3.1 JSON Schema (spec.openapis.org), as the validator package ships it. */
const officialSchema = JSON.parse(
  readFileSync(require.resolve("@seriousme/openapi-schema-validator/schemas/v3.1/schema.json"), "utf8"),
) as { $id: string };
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajvFormats.default(ajv);
ajv.addSchema(officialSchema);
const against = (definition: string) => {
  const validate = ajv.getSchema(`${officialSchema.$id}#/$defs/${definition}`);
  if (!validate) throw new Error(`the official schema has no $defs/${definition}`);
  return validate;
};

/** Each file of the split source, and the part of the official schema it is. */
const DEFINITION_BY_FOLDER: Record<string, string> = {
  paths: "path-item",
  "components/schemas": "schema",
  "components/parameters": "parameter",
  "components/responses": "response",
  "components/examples": "example",
};
const splitSource = Object.entries(DEFINITION_BY_FOLDER).flatMap(([folder, definition]) =>
  readdirSync(join(root, folder))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => [relative(root, join(root, folder, name)), definition] as const),
);

describe("the official OpenAPI 3.1 schema", () => {
  it("accepts the root document of the split source", () => {
    const validate = ajv.getSchema(officialSchema.$id);
    expect(
      validate?.(parse(readFileSync(join(root, "openapi.yaml"), "utf8"))),
      JSON.stringify(validate?.errors),
    ).toBe(true);
  });

  it.each(splitSource)("accepts %s as a %s", (file, definition) => {
    const validate = against(definition);
    expect(validate(parse(readFileSync(join(root, file), "utf8"))), JSON.stringify(validate.errors)).toBe(
      true,
    );
  });

  it("accepts the bundle", () => {
    const validate = ajv.getSchema(officialSchema.$id);
    expect(validate?.(loadBundle()), JSON.stringify(validate?.errors)).toBe(true);
  });

  it.each([
    [
      "a path-item $ref with {} in its file name",
      { $ref: "paths/host-connections_{host_org_id}.yaml" },
      "path-item",
    ],
    ["a parameter without `in`", { name: "limit", schema: { type: "integer" } }, "parameter"],
  ])("refuses %s", (_name, node, definition) => {
    expect(against(definition)(node)).toBe(false);
  });
});

/** Spectral's spectral:oas ruleset on a document; its findings of severity error. */
function spectralErrors(document: string): Array<{ code: string; message: string }> {
  const result = spawnSync(
    join(root, "node_modules", ".bin", "spectral"),
    ["lint", document, "--ruleset", join(root, ".spectral.yaml"), "--format", "json", "--quiet"],
    { encoding: "utf8" },
  );
  const findings = JSON.parse(result.stdout || "[]") as Array<{
    code: string;
    message: string;
    severity: number;
  }>;
  return findings.filter((finding) => finding.severity === 0);
}

describe("Spectral (spectral:oas)", () => {
  it("finds no error in the bundle", () => {
    expect(spectralErrors(bundlePath)).toEqual([]);
  }, 60_000);

  it("finds errors in a broken bundle (two operations with one operationId)", () => {
    const broken = structuredClone(loadBundle()) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    const post = broken.paths["/host-connections"]?.post;
    if (post) post.operationId = "listHostConnections";
    const path = join(mkdtempSync(join(tmpdir(), "mca-spectral-")), "openapi.json");
    writeFileSync(path, JSON.stringify(broken));
    const errors = spectralErrors(path);
    expect(errors.length, `${path} ${JSON.stringify(errors)}`).toBeGreaterThan(0);
  }, 60_000);
});
