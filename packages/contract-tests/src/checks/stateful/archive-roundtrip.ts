import { parseApiDateTime } from "@mca/spec";
import type { StatefulCheck } from "../check.js";
import { assertThat, expectStatus, flow, requestAs } from "./flow-requests.js";

/** `archived: true` sets `archived_at`, `false` clears it, the state sticks, and `updated_at` never goes back. */
export const archiveRoundtrip: StatefulCheck = {
  kind: "stateful",
  name: "archive_roundtrip",
  description:
    "Archiving sets archived_at and sticks; unarchiving clears it; updated_at never moves backwards.",
  operations: ["PATCH /guest-connections/{guest_org_id}"],
  rules: [],
  run: (context, call) =>
    flow(async () => {
      const { host, guest } = context;
      const patch = (archived: boolean) =>
        expectStatus(
          call,
          requestAs(context, host, "updateGuestConnection", {
            pathParams: { guest_org_id: guest.organizationId },
            body: { archived },
          }),
          [200],
        );

      const archived = await patch(true);
      assertThat(archived.archived === true, "after archived: true the connection is archived");
      assertThat(typeof archived.archived_at === "string", "after archived: true, archived_at is set");
      const again = await patch(true);
      assertThat(
        again.archived === true && again.archived_at === archived.archived_at,
        "archiving twice keeps the first archived_at: the state stuck",
      );

      const unarchived = await patch(false);
      assertThat(unarchived.archived === false, "after archived: false the connection is not archived");
      assertThat(
        unarchived.archived_at === null || unarchived.archived_at === undefined,
        "after archived: false, archived_at is cleared",
      );
      const times = [archived.updated_at, again.updated_at, unarchived.updated_at].map(
        (value) => parseApiDateTime(String(value))?.epochMs ?? Number.NaN,
      );
      assertThat(
        times.every((time, index) => index === 0 || time >= (times[index - 1] as number)),
        `updated_at moved backwards: ${times.join(" → ")}`,
      );
    }),
};
