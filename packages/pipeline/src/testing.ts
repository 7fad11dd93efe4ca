// For tests: whether a module would run in a browser (esbuild, an optional peer dependency).

export { type BadRequestRow, badRequests } from "./testing/bad-requests.js";
export { type BrowserCheckOptions, nodeOnlyUses } from "./testing/browser-bundle.js";
