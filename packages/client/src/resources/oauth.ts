import type { ResourceContext } from "../create-client.js";
import type { Operations } from "./operations.js";

export function createOauth({ raw, unwrap, callInit }: ResourceContext): Operations["oauth"] {
  return {
    createToken: (body, options) =>
      unwrap("POST /oauth2/token", raw.POST("/oauth2/token", { body, ...callInit(options) })),
  };
}
