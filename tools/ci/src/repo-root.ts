import { fileURLToPath } from "node:url";

/** The repository's root, whichever folder a script of this package is started from. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
