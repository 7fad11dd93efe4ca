import type { ResourceContext } from "../create-client.js";
import type { Operations } from "./operations.js";

export function createGuestInvitations({
  raw,
  unwrap,
  callInit,
}: ResourceContext): Operations["guestInvitations"] {
  return {
    create: (body, options) =>
      unwrap("POST /guest-invitations", raw.POST("/guest-invitations", { body, ...callInit(options) })),
  };
}
