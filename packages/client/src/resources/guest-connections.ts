import type { ResourceContext } from "../resource-context.js";
import type { Resources } from "./resources.js";

export function createGuestConnections({
  raw,
  unwrap,
  callInit,
}: ResourceContext): Resources["guestConnections"] {
  const update: Resources["guestConnections"]["update"] = (guestOrgId, body, options) =>
    unwrap(
      "PATCH /guest-connections/{guest_org_id}",
      raw.PATCH("/guest-connections/{guest_org_id}", {
        params: { path: { guest_org_id: guestOrgId } },
        body,
        ...callInit(options),
      }),
    );
  return {
    update,
    archive: (guestOrgId, options) => update(guestOrgId, { archived: true }, options),
    unarchive: (guestOrgId, options) => update(guestOrgId, { archived: false }, options),
  };
}
