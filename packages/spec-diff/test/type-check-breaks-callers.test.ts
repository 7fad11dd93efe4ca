import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editableBundle } from "./support/editable-spec.js";

const require = createRequire(import.meta.url);
const bundle = editableBundle();

const openapiTypescript = join(require.resolve("openapi-typescript/package.json"), "..", "bin", "cli.js");
const tsc = require.resolve("typescript/bin/tsc");

/** A caller written against the current API: reads host_name and lists with an order_by. */
const CALLER = `import type { components, operations } from "./openapi.js";
type HostConnection = components["schemas"]["HostConnection"];
export const label = (connection: HostConnection): string => connection.host_name;
export const query: NonNullable<operations["listHostConnections"]["parameters"]["query"]> = {
  statuses: ["connected"], order_by: "created_at", limit: 10, offset: 0,
};
`;

/** Regenerates the types from `document` into a fresh folder and type-checks the caller against them. */
function typeCheckCaller(document: unknown): { code: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "mca-breaks-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "openapi.json"), JSON.stringify(document));
  const generated = spawnSync(
    process.execPath,
    [openapiTypescript, join(dir, "openapi.json"), "--output", join(dir, "src", "openapi.ts")],
    { encoding: "utf8" },
  );
  if (generated.status !== 0) throw new Error(generated.stderr);
  writeFileSync(join(dir, "src", "caller.ts"), CALLER);
  const checked = spawnSync(
    process.execPath,
    [
      tsc,
      "--noEmit",
      "--strict",
      "--module",
      "nodenext",
      "--moduleResolution",
      "nodenext",
      "--skipLibCheck",
      join(dir, "src", "caller.ts"),
    ],
    { encoding: "utf8" },
  );
  return { code: checked.status, output: checked.stdout + checked.stderr };
}

describe("after a breaking spec change, regenerating the types breaks the callers at compile time", () => {
  it("compiles against the current spec", () => {
    expect(typeCheckCaller(bundle)).toEqual({ code: 0, output: "" });
  });

  it.each([
    [
      "a renamed response field",
      (document: typeof bundle) => {
        const schema = document.components.schemas.HostConnection;
        schema.properties.name = schema.properties.host_name;
        delete schema.properties.host_name;
        schema.required = schema.required.map((name: string) => (name === "host_name" ? "name" : name));
      },
      /caller\.ts\(3,\d+\): error TS2339: Property 'host_name' does not exist/,
    ],
    [
      "an order field removed from the enum",
      (document: typeof bundle) => {
        const schema = document.components.schemas.HostConnectionOrderField;
        schema.enum = schema.enum.filter((value: string) => value !== "created_at");
      },
      /caller\.ts\(5,\d+\): error TS2322: Type '"created_at"' is not assignable/,
    ],
  ])("%s", (_name, change, error) => {
    const document = structuredClone(bundle);
    change(document);
    const { code, output } = typeCheckCaller(document);
    expect(code).not.toBe(0);
    expect(output).toMatch(error);
  });
});
