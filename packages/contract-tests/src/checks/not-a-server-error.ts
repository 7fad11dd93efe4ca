import type { ResponseCheck } from "./check.js";

export const notAServerError: ResponseCheck = {
  kind: "response",
  name: "not_a_server_error",
  description: "No response is a 5xx.",
  judge: ({ response }) => (response.status >= 500 ? `the server answered ${response.status}` : undefined),
};
