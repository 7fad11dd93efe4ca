import type { ResourceContext } from "../resource-context.js";
import type { Resources } from "./resources.js";

export function createGuestInvitations({
  raw,
  unwrap,
  callInit,
}: ResourceContext): Resources["guestInvitations"] {
  return {
    create: (body, options) =>
      unwrap("POST /guest-invitations", raw.POST("/guest-invitations", { body, ...callInit(options) })),
  };
}
