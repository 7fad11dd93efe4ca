import type { ResourceContext } from "../resource-context.js";
import type { Resources } from "./resources.js";

export function createGuestInvitations({ raw, call }: ResourceContext): Resources["guestInvitations"] {
  return {
    create: (body, options) =>
      call("POST /guest-invitations", options, (init) => raw.POST("/guest-invitations", { body, ...init })),
  };
}
