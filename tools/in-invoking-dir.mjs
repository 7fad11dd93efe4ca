// pnpm runs the root package's scripts in the repository root; a CLI's relative paths (--identities ids.json,
// --identities-out, --data-dir, --junit) should mean what they mean where the user typed `pnpm contract …`, which
// pnpm passes as INIT_CWD. Usage: node tools/in-invoking-dir.mjs <cli.js relative to the root> [args…]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [cli, ...args] = process.argv.slice(2);
if (!cli) {
  process.stderr.write("in-invoking-dir: name the CLI to run\n");
  process.exit(2);
}
const target = resolve(cli);
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by pnpm for the script, never read inside a turbo task
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
process.argv = [process.argv[0] ?? "node", target, ...args];
await import(pathToFileURL(target).href);
