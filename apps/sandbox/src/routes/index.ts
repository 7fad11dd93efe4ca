import type { Handler } from "./context.js";
import { createGuestInvitation } from "./create-guest-invitation.js";
import { createHostConnection } from "./create-host-connection.js";
import { createToken } from "./create-token.js";
import { getHostConnection } from "./get-host-connection.js";
import { listHostConnections } from "./list-host-connections.js";
import { updateGuestConnection } from "./update-guest-connection.js";

/** One handler per operationId of the spec; the server refuses to start if the spec has an operation not here. */
export const HANDLERS: Record<string, Handler> = {
  createToken,
  createGuestInvitation,
  createHostConnection,
  listHostConnections,
  getHostConnection,
  updateGuestConnection,
};
