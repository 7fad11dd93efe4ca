export { API_PACKAGE, hasMajorChangeset } from "./acknowledgement.js";
export type { Change } from "./change.js";
export { type Bump, bumpFor, PUBLISHED_PACKAGES, writeChangeset } from "./changeset.js";
export { type DiffReport, humanReport, jsonReport, markdownReport } from "./report.js";
export { DiffConfigError, runDiff } from "./run-diff.js";
export { type Direction, diffSchemas } from "./schema-diff.js";
export { diffSpecs, majorVersion } from "./spec-diff.js";
