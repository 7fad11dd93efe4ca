export { findFreePort } from "./free-port.js";
export { type MockOptions, type MockServer, startMock } from "./start-mock.js";
