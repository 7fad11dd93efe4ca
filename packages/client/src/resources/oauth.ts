import type { ResourceContext } from "../resource-context.js";
import type { Resources } from "./resources.js";

export function createOauth({ raw, call }: ResourceContext): Resources["oauth"] {
  return {
    createToken: (body, options) =>
      call("POST /oauth2/token", options, (init) => raw.POST("/oauth2/token", { body, ...init })),
  };
}
