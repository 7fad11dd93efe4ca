import { describe, expect, it } from "vitest";
import { actionTypeValues, connectionStatusValues, invitationStatusValues } from "../src/index.js";

describe("runtime enum values", () => {
  it.each([
    ["connection status", connectionStatusValues, ["connected", "disconnected"]],
    ["action type", actionTypeValues, ["documents_update_request", "analytics_request"]],
    ["invitation status", invitationStatusValues, ["sent", "accepted_by_guest", "accepted_by_system"]],
  ])("%s", (_name, actual, expected) => {
    expect([...actual]).toEqual(expected);
  });
});
