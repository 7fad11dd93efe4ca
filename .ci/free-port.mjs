// Prints a free TCP port on 127.0.0.1 (the OS picks it): the repository's one findFreePort (@mca/pipeline/node).
import { findFreePort } from "../packages/pipeline/dist/node.js";

process.stdout.write(`${await findFreePort()}\n`);
