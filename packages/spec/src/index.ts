export {
  BUNDLED_SPEC_JSON_PATH,
  BUNDLED_SPEC_YAML_PATH,
  loadBundledSpec,
  SpecLoadError,
} from "./bundled-spec.js";
export * from "./core.js";
