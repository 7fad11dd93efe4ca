import type { ResourceContext } from "../resource-context.js";
import type { Resources } from "./resources.js";

export function createOauth({ raw, unwrap, callInit }: ResourceContext): Resources["oauth"] {
  return {
    createToken: (body, options) =>
      unwrap("POST /oauth2/token", raw.POST("/oauth2/token", { body, ...callInit(options) })),
  };
}
