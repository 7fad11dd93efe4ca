import type { OperationId } from "@mca/types";
import { createGuestInvitation } from "./create-guest-invitation.js";
import { createHostConnection } from "./create-host-connection.js";
import { createToken } from "./create-token.js";
import { getHostConnection } from "./get-host-connection.js";
import type { Handler, HandlerContext, HandlerRegistry } from "./handler.js";
import { listHostConnections } from "./list-host-connections.js";
import { updateGuestConnection } from "./update-guest-connection.js";

export const HANDLERS: HandlerRegistry = {
  createToken,
  createGuestInvitation,
  createHostConnection,
  listHostConnections,
  getHostConnection,

  updateGuestConnection,
};

export const isOperationId = (id: string): id is OperationId => Object.hasOwn(HANDLERS, id);

/**
 * Runs the handler of `id`. The request was validated against the schemas `ValidRequest<id>` is generated
 * from, so this is the one place its runtime JSON is taken as that type.
 */
export function runHandler(
  id: OperationId,
  context: HandlerContext<OperationId>,
): ReturnType<Handler<OperationId>> {
  return (HANDLERS[id] as unknown as Handler<OperationId>)(context);
}
