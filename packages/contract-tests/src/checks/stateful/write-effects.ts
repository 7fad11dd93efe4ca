import { fixturesFor } from "../../fixtures/build-fixtures.js";
import { connectionModel, WRITE_RULES, type WriteRule } from "../../model/connection-model.js";
import type { StatefulCheck } from "../check.js";
import { expectStatus, FlowBroken, flow, requestAs } from "./flow-requests.js";

const NOT_JUDGED: Record<WriteRule, string> = {
  "other rows unchanged":
    "no write of this run had another connection of this run to change (needs 2 hosts or 2 guests)",
  "frozen fields unchanged": "no write of this run succeeded on a connection that was there before it",
  "target as predicted": "no write of this run succeeded on a connection",
};

/**
 * Writes touch only their target. Every write of every stateful flow (the fixtures' too) is followed by a read of
 * every connection between the run's test organizations, judged against the model of the data (learned from
 * the first reads, predicted from the writes since): no other row may change, the target's frozen fields
 * (names, emails, created_at) may not change, and the fields the write sets must read back as it set them. On
 * top of the other flows' writes, this check archives and restores each connection of the fixtures in turn, so
 * that every row is once the target while the others watch.
 */
export const writeEffects: StatefulCheck = {
  kind: "stateful",
  name: "write_effects",
  description:
    "Every write changes its target only, and as predicted: other rows and the target's frozen fields read back unchanged after each write of the run.",
  operations: [
    "POST /guest-invitations",
    "POST /host-connections",
    "PATCH /guest-connections/{guest_org_id}",
    "GET /host-connections/{host_org_id}",
  ],
  rules: WRITE_RULES,
  run: (context, call, coverage) =>
    flow(async () => {
      const fixtures = await fixturesFor(context, call);
      const model = connectionModel(context);
      for (const { host, guest } of fixtures.pairs) {
        const archived = model.row(host, guest)?.archived === true;
        for (const value of [!archived, archived])
          await expectStatus(
            call,
            requestAs(context, host, "updateGuestConnection", {
              pathParams: { guest_org_id: guest.organizationId },
              body: { archived: value },
            }),
            [200],
          );
      }
      const [first, ...more] = model.violations();
      if (first)
        throw new FlowBroken(
          `${first.rule}: ${first.reason}${more.length ? ` (and ${more.length} more)` : ""}`,
          first.rule,
        );
      for (const rule of WRITE_RULES)
        if (model.judged(rule)) coverage.judged(rule);
        else coverage.notJudged(rule, NOT_JUDGED[rule]);
    }),
};
