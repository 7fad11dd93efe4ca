import { startSandbox } from "../src/index.js";
import { describeSandbox } from "./support/behaviour.js";
import { describeHostileInputs } from "./support/hostile-inputs.js";

describeSandbox("PGlite (in memory)", () => startSandbox({ port: 0 }));

describeHostileInputs("PGlite (in memory)", () => startSandbox({ port: 0 }));
