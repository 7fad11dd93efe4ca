// An operation added to a scratch copy of the spec becomes a client method on `pnpm generate`: typed from the
// spec (wrong arguments fail to compile) and answering from the mock on the new bundle.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type MockServer, startMock } from "@mca/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTypeCheck, formatTypeError } from "../src/type-check.js";
import { workspacePackages } from "../src/workspace.js";
import { REGENERATION_FOLDERS, scratchRepository } from "./support/scratch-repository.js";

const BIN = join(import.meta.dirname, "../bin/mca-regenerate.mjs");
const PATH_ITEM = "openapi/paths/guest-connections_guest_org_id.yaml";
const GUEST_ORG_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const GET_GUEST_CONNECTION = `get:
  operationId: getGuestConnection
  summary: Get guest connection
  description: Read the requesting host organization's connection to one guest organization.
  tags:
    - Guest connections
  responses:
    '200':
      description: Successful Response
      content:
        application/json:
          schema:
            $ref: ../components/schemas/GuestConnection.yaml
          examples:
            archived:
              $ref: ../components/examples/GuestConnection.yaml
    '401':
      $ref: ../components/responses/Unauthorized.yaml
    '404':
      $ref: ../components/responses/NotFound.yaml
    '422':
      $ref: ../components/responses/ValidationError.yaml
`;

const CALLS = `import type { GuestConnection } from "@mca/types";
import type { McaClient } from "../src/index.js";

export function typed(client: McaClient): Promise<GuestConnection> {
  return client.guestConnections.get("${GUEST_ORG_ID}");
}

export function refused(client: McaClient): void {
  // @ts-expect-error the path parameter is a string
  void client.guestConnections.get(42);
  // @ts-expect-error a GET takes no body
  void client.guestConnections.get("${GUEST_ORG_ID}", { archived: true }, {});
  // @ts-expect-error the path parameter is required
  void client.guestConnections.get();
}
`;
// the same wrong call without its directive: the check must see it, or the directives above prove nothing
const UNMARKED = `import type { McaClient } from "../src/index.js";

export function unmarked(client: McaClient): void {
  void client.guestConnections.get(42);
}
`;

interface ScratchClientModule {
  createClient(options: { baseUrl: string; organizationId: string; token: string }): {
    guestConnections: { get(guestOrgId: string): Promise<unknown> };
  };
}

let scratch: string;
let mock: MockServer | undefined;

beforeAll(() => {
  scratch = scratchRepository(REGENERATION_FOLDERS);
  const pathItem = join(scratch, PATH_ITEM);
  writeFileSync(
    pathItem,
    readFileSync(pathItem, "utf8").replace("patch:\n", `${GET_GUEST_CONNECTION}patch:\n`),
  );
  execFileSync(process.execPath, [BIN, "all"], { env: { ...process.env, MCA_REPOSITORY_ROOT: scratch } });
});

afterAll(async () => {
  await mock?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("an operation added to the spec", () => {
  it("is a method of its tag's resource in the generated file, documented from the spec", () => {
    const generated = readFileSync(join(scratch, "packages/client/src/generated/resources.ts"), "utf8");
    expect(generated).toContain(
      'get(guestOrgId: PathParams<"getGuestConnection">["guest_org_id"], options?: CallOptions): ApiPromise<SuccessBody<"getGuestConnection">>;',
    );
    expect(generated).toContain(
      "     * Get guest connection\n     *\n     * Read the requesting host organization's",
    );
  });

  it("is typed: the right call compiles, wrong arguments do not", () => {
    const tests = join(scratch, "packages/client/test");
    writeFileSync(join(tests, "new-operation-calls.ts"), CALLS);
    writeFileSync(join(tests, "new-operation-unmarked.ts"), UNMARKED);
    const all = workspacePackages(scratch);
    const client = all.filter((pkg) => pkg.name === "@mca/client");
    const { errors } = createTypeCheck(scratch, client, all).run();
    const inFile = (name: string) => errors.filter((error) => error.at.includes(name)).map(formatTypeError);
    expect(inFile("new-operation-calls.ts")).toEqual([]);
    expect(inFile("new-operation-unmarked.ts")).toEqual([
      expect.stringMatching(/new-operation-unmarked\.ts:4:36 error TS2345: .*'number'.*'string'/),
    ]);
  });

  it("answers from the mock on the new bundle", async () => {
    mock = await startMock({ specPath: join(scratch, "openapi/dist/openapi.json") });
    const module = (await import(
      pathToFileURL(join(scratch, "packages/client/src/index.ts")).href
    )) as ScratchClientModule;
    const client = module.createClient({
      baseUrl: mock.baseUrl,
      organizationId: GUEST_ORG_ID,
      token: "any-token",
    });
    const example = JSON.parse(readFileSync(join(scratch, "openapi/dist/openapi.json"), "utf8")).components
      .examples.GuestConnection.value;
    await expect(client.guestConnections.get(GUEST_ORG_ID)).resolves.toEqual(example);
  });
});
