export { findFreePort } from "./free-port.js";
export { DEFAULT_SPEC_PATH, type MockOptions, type MockServer, startMock } from "./start-mock.js";
