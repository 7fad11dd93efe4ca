// Compile-time proofs, checked by `pnpm typecheck`: the registry must name a handler for every operation of
// the spec, and each handler is typed by its operation.
import { expectTypeOf, test } from "vitest";
import type { Handler, HandlerRegistry } from "../src/core/routes/handler.js";
import { HANDLERS } from "../src/core/routes/registry.js";

test("a registry without one operation's handler does not compile", () => {
  const { listHostConnections: _left, ...incomplete } = HANDLERS;
  // @ts-expect-error listHostConnections is missing
  const registry: HandlerRegistry = incomplete;
  expectTypeOf(registry).not.toBeAny();
});

test("a handler gets its operation's body and returns its operation's answer", () => {
  const updateWrongField: Handler<"updateGuestConnection"> = async ({ request }) => {
    // @ts-expect-error the update body has `archived`, not `status`
    void request.body.status;
    return HANDLERS.updateGuestConnection({} as never);
  };
  // @ts-expect-error a host connection is not the answer of updateGuestConnection
  const answerOfAnother: Handler<"updateGuestConnection"> = HANDLERS.getHostConnection;
  expectTypeOf(updateWrongField).toBeFunction();
  expectTypeOf(answerOfAnother).toBeFunction();
});
