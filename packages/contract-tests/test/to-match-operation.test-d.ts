import { expect, expectTypeOf, test } from "vitest";
import "../src/vitest/index.js";

test("toMatchOperation takes the spec's operationIds only", async () => {
  const response = new Response("{}");
  await expect(response).toMatchOperation("listHostConnections");
  await expect(response).toMatchOperation("updateGuestConnection");
  // @ts-expect-error not an operationId of the spec
  await expect(response).toMatchOperation("listHostConnection");
  // @ts-expect-error the operationId is required
  await expect(response).toMatchOperation();
  expectTypeOf(expect(response).toMatchOperation).returns.resolves.toBeVoid();
});
