import type { GeneratedResources } from "../generated/resources.js";
import type { Resources } from "./resources.js";

/** The generated guest-connection methods, and `archive` / `unarchive` over their `update`. */
export function withArchive(
  generated: GeneratedResources["guestConnections"],
): Resources["guestConnections"] {
  const { update } = generated;
  return {
    ...generated,
    archive: (guestOrgId, options) => update(guestOrgId, { archived: true }, options),
    unarchive: (guestOrgId, options) => update(guestOrgId, { archived: false }, options),
  };
}
