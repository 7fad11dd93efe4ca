import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seededRandom, uuidFrom } from "../src/core/index.js";
import { startSandbox } from "../src/index.js";

const cli = fileURLToPath(new URL("../dist/src/cli.js", import.meta.url));
const organizationsOf = async (options: { seed?: number }) => {
  const sandbox = await startSandbox({ port: 0, ...options });
  try {
    return { hosts: sandbox.hosts, guests: sandbox.guests };
  } finally {
    await sandbox.stop();
  }
};

describe("--seed / seed: the seeded organizations from a number", () => {
  it("the same seed seeds the same ids and credentials; another seed and no seed do not", async () => {
    const [first, again, other, unseeded] = [
      await organizationsOf({ seed: 9 }),
      await organizationsOf({ seed: 9 }),
      await organizationsOf({ seed: 10 }),
      await organizationsOf({}),
    ];
    expect(again).toEqual(first);
    expect(first.hosts).toHaveLength(4);
    expect(first.guests).toHaveLength(2);
    const ids = (organizations: typeof first) =>
      [...organizations.hosts, ...organizations.guests].map((organization) => organization.organizationId);
    expect(new Set([...ids(first), ...ids(other), ...ids(unseeded)]).size).toBe(18);
  }, 120_000);

  it("ids are version 4 UUIDs, the same for a seed in Node and wherever the core runs", () => {
    expect(uuidFrom(seededRandom(1))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(uuidFrom(seededRandom(1))).toBe(uuidFrom(seededRandom(1)));
    expect(uuidFrom(seededRandom(1))).not.toBe(uuidFrom(seededRandom(2)));
  });

  it.each(["-1", "1.5", "abc", "4294967296"])("the CLI refuses --seed %s in one line, exit 2", (seed) => {
    const result = spawnSync(process.execPath, [cli, "--port", "0", `--seed=${seed}`], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`mca-sandbox: --seed must be an integer 0-4294967295, got "${seed}"\n`);
  });
});
