// One cold start, in a process of its own: the first createSandbox() of a process (initdb and the migrations, which
// leave the snapshot) and the next one (loaded from that snapshot). Prints {"firstMs", "fromSnapshotMs"}.
import { createSandbox } from "@mca/sandbox-msw";

let started = performance.now();
const first = await createSandbox({ seed: 1 });
const firstMs = performance.now() - started;
started = performance.now();
const second = await createSandbox({ seed: 1 });
const fromSnapshotMs = performance.now() - started;
await Promise.all([first.close(), second.close()]);
console.log(JSON.stringify({ firstMs, fromSnapshotMs }));
