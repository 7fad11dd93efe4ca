// The node side of the pipeline: the one node:http adapter, and the port helpers every server start uses.
export { findFreePort } from "./node/free-port.js";
export { type Answerer, nodeListener } from "./node/node-adapter.js";
export { type Served, type ServeOptions, serve } from "./node/serve.js";
export { waitForPort } from "./node/wait-for-port.js";
