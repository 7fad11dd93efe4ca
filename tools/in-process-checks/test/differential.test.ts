import { badRequests } from "@mca/pipeline/testing";
import { type Sandbox, startSandbox } from "@mca/sandbox";
import { createSandbox, type InProcessSandbox } from "@mca/sandbox-msw";
import { loadBundledSpec } from "@mca/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNormaliser, type Exchange, runSequence, type Send } from "./support/differential.js";

const SEED = 1_000;
const REQUESTS = 1_200;
const document = loadBundledSpec();

/** A clock per target that moves one second per request: the same order of timestamps on both. */
function stepClock() {
  let seconds = 0;
  return {
    now: () => new Date(Date.UTC(2026, 5, 1) + seconds * 1000),
    tick: () => {
      seconds += 1;
    },
  };
}
const processClock = stepClock();
const httpClock = stepClock();

let inProcess: InProcessSandbox;
let overHttp: Sandbox;
beforeAll(async () => {
  [inProcess, overHttp] = await Promise.all([
    createSandbox({ seed: SEED, now: processClock.now }),
    startSandbox({ port: 0, seed: SEED, now: httpClock.now }),
  ]);
});
afterAll(async () => {
  await Promise.all([inProcess?.close(), overHttp?.stop()]);
});

const sendInProcess: Send = async ({ method, path, headers, body }) => {
  const answer = await inProcess.fetch(`${inProcess.baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return { status: answer.status, text: await answer.text() };
};
const sendOverHttp: Send = async ({ method, path, headers, body }) => {
  const answer = await fetch(`${overHttp.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return { status: answer.status, text: await answer.text() };
};

const firstDifference = (a: Exchange[], b: Exchange[]) =>
  a.findIndex((exchange, index) => JSON.stringify(exchange) !== JSON.stringify(b[index]));

describe("differential: a seeded request sequence against the in-process and the node:http sandbox", () => {
  let fromProcess: Exchange[];
  let fromHttp: Exchange[];

  it(`${REQUESTS} requests, writes interleaved, each sequence generated from its own target's answers: 0 differences`, async () => {
    expect(overHttp.hosts).toEqual(inProcess.hosts);
    fromProcess = await runSequence(sendInProcess, inProcess, document, {
      seed: SEED,
      count: REQUESTS,
      tick: processClock.tick,
    });
    fromHttp = await runSequence(sendOverHttp, overHttp, document, {
      seed: SEED,
      count: REQUESTS,
      tick: httpClock.tick,
    });
    expect(fromProcess).toHaveLength(REQUESTS);
    const index = firstDifference(fromProcess, fromHttp);
    expect(index === -1 ? [] : [fromProcess[index], fromHttp[index]]).toEqual([]);
    // the sequence exercised what it claims: writes that succeeded, reads that listed them, refusals
    const count = (action: string, status: number) =>
      fromProcess.filter((exchange) => exchange.action === action && exchange.status === status).length;
    const facts = {
      invited: count("invite", 200),
      connected: count("connect", 200),
      archived: count("archive", 200),
      listedNonEmpty: fromProcess.filter(
        (exchange) =>
          exchange.action === "list" && exchange.status === 200 && !exchange.body.startsWith('{"items":[]'),
      ).length,
      refused: fromProcess.filter((exchange) => exchange.status >= 400).length,
    };
    console.log(`differential: ${REQUESTS} requests per target, ${JSON.stringify(facts)}`);
    for (const figure of Object.values(facts)) expect(figure).toBeGreaterThan(10);
  }, 300_000);

  it("the comparison can fail: one changed answer is found, and every later choice follows its own target", () => {
    const changed = fromHttp.map((exchange) => ({ ...exchange }));
    const target = changed.findIndex((exchange) => exchange.action === "list" && exchange.status === 200);
    (changed[target] as Exchange).body = (changed[target] as Exchange).body.replace(
      '"total_items":',
      '"total_items":1',
    );
    expect(firstDifference(fromProcess, changed)).toBe(target);
  });

  it("normalises ids and tokens by first appearance, keeps the seeded organizations' ids", () => {
    const normalise = createNormaliser(inProcess);
    const host = inProcess.host.organizationId;
    expect(
      normalise(
        `{"id":"8a0c4a86-1111-4a44-8a11-111111111111","host":"${host}","invitation_token":"abc","at":"2026-06-01T00:00:01.000Z"}`,
      ),
    ).toBe(`{"id":"<id 1>","host":"${host}","invitation_token":"<invitation 1>","at":"<time>"}`);
  });
});

describe("the 422 table: byte-identical bodies from both sandboxes", () => {
  const rows = badRequests(document);

  /** The row sent as the first guest (its own token on each target), headers over the guest's defaults. */
  async function sendRow(send: Send, token: string, row: (typeof rows)[number]) {
    const [, method, path, body, overrides = {}] = row;
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      "requester-organization-id": inProcess.guest.organizationId,
      "target-organization-id": inProcess.guest.organizationId,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    };
    for (const [name, value] of Object.entries(overrides))
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    return await send({
      method,
      path,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  it(`${rows.length} bad requests`, async () => {
    const tokenOf = async (send: Send) =>
      (
        JSON.parse(
          (
            await send({
              method: "POST",
              path: "/oauth2/token",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({
                client_id: inProcess.guest.clientId,
                client_secret: inProcess.guest.clientSecret,
              }),
            })
          ).text,
        ) as { access_token: string }
      ).access_token;
    const [processToken, httpToken] = await Promise.all([tokenOf(sendInProcess), tokenOf(sendOverHttp)]);
    const differing: string[] = [];
    for (const row of rows) {
      const [fromProcess, fromHttp] = await Promise.all([
        sendRow(sendInProcess, processToken, row),
        sendRow(sendOverHttp, httpToken, row),
      ]);
      expect(fromProcess.status, `${row[0]}: ${fromProcess.text}`).toBe(422);
      if (fromProcess.status !== fromHttp.status || fromProcess.text !== fromHttp.text)
        differing.push(
          `${row[0]}:\n  in process ${fromProcess.status} ${fromProcess.text}\n  node:http  ${fromHttp.status} ${fromHttp.text}`,
        );
    }
    expect(differing).toEqual([]);
  });
});
