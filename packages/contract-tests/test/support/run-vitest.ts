import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runVitest as runProject, type VitestRun } from "../../src/testing/run-vitest.js";

export { junitCases } from "../../src/testing/run-vitest.js";

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "vitest-front-end");

/** Vitest on the fixture project, one describeContract per entry of `suites`. */
export const runVitest = (suites: object[], extraArgs: string[] = []): Promise<VitestRun> =>
  runProject(FIXTURE, suites, extraArgs);
