import type { ResourceContext } from "../resource-context.js";
import type { Resources } from "./resources.js";

export function createGuestConnections({ raw, call }: ResourceContext): Resources["guestConnections"] {
  const update: Resources["guestConnections"]["update"] = (guestOrgId, body, options) =>
    call("PATCH /guest-connections/{guest_org_id}", options, (init) =>
      raw.PATCH("/guest-connections/{guest_org_id}", {
        params: { path: { guest_org_id: guestOrgId } },
        body,
        ...init,
      }),
    );
  return {
    update,
    archive: (guestOrgId, options) => update(guestOrgId, { archived: true }, options),
    unarchive: (guestOrgId, options) => update(guestOrgId, { archived: false }, options),
  };
}
