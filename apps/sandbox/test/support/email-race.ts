import { HttpError } from "@mca/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/core/db/database.js";
import { createOrganizationRoute } from "../../src/core/routes/admin.js";

/**
 * `db` with the admin route's email check held back until `count` checks have run: the creations all pass the
 * check before any of them inserts, the interleaving a race only sometimes produces.
 */
function checksMeetFirst(db: Database, count: number): Database {
  let arrived = 0;
  let release: () => void = () => {};
  const allChecked = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    ...db,
    query: async (sql, params, invalidates, patch) => {
      const rows = await db.query(sql, params, invalidates, patch);
      if (sql.includes("lower(email) = lower($1)")) {
        arrived += 1;
        if (arrived === count) release();
        await allChecked;
      }
      return rows;
    },
  };
}

const outcome = (result: PromiseSettledResult<unknown>) =>
  result.status === "fulfilled"
    ? "created"
    : result.reason instanceof HttpError
      ? result.reason.status
      : String(result.reason);

/** Two admin creations of one email (in two cases) forced to interleave, on one backend. */
export function describeEmailRace(backend: string, open: () => Promise<Database>): void {
  describe(`one organization per email on ${backend}, enforced by the database`, () => {
    let db: Database;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(async () => {
      await db?.close();
    });

    const race = (email: string, spellings: string[]) => {
      const interleaved = checksMeetFirst(db, spellings.length);
      return Promise.allSettled(
        spellings.map((spelling) =>
          createOrganizationRoute(interleaved, JSON.stringify({ email: spelling.replace("EMAIL", email) })),
        ),
      );
    };
    const holders = async (email: string) =>
      Number(
        (
          await db.query<{ count: string | number }>(
            "SELECT count(*) AS count FROM organizations WHERE lower(email) = lower($1)",
            [email],
          )
        )[0]?.count,
      );

    it("two creations that both passed the check: one is created, the other gets the taken-email 409", async () => {
      const results = await race("race@example.com", ["EMAIL", "EMAIL".toUpperCase()]);
      expect(results.map(outcome).sort()).toEqual([409, "created"].sort());
      const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
      expect((refused.reason as HttpError).detail).toEqual([
        { loc: ["body", "email"], msg: "An organization already uses this email", type: "request" },
      ]);
      expect(await holders("race@example.com")).toBe(1);
    });

    it("proof the interleaving is real: without the unique index both get in", async () => {
      await db.exec("DROP INDEX organizations_email_lower");
      try {
        const results = await race("unguarded@example.com", ["EMAIL", "EMAIL"]);
        expect(results.map(outcome)).toEqual(["created", "created"]);
        expect(await holders("unguarded@example.com")).toBe(2);
      } finally {
        await db.query(
          "DELETE FROM api_clients WHERE organization_id IN (SELECT id FROM organizations WHERE email = $1)",
          ["unguarded@example.com"],
        );
        await db.query("DELETE FROM organizations WHERE email = $1", ["unguarded@example.com"]);
        await db.exec("CREATE UNIQUE INDEX organizations_email_lower ON organizations (lower(email))");
      }
    });
  });
}
