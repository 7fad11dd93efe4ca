export { type PrismOptions, type PrismProcess, startPrism } from "./prism-process.js";
export { type MockOptions, type MockServer, startMock } from "./start-mock.js";
