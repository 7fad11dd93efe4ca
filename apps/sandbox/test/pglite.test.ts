import { startSandbox } from "../src/index.js";
import { describeSandbox } from "./support/behaviour.js";

describeSandbox("PGlite (in memory)", () => startSandbox({ port: 0 }));
