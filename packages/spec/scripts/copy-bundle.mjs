// Copies the spec's bundle (openapi/dist) into this package, which ships it to consumers. turbo runs this
// after @mca/openapi#bundle (turbo.json); the path is relative because @mca/openapi itself depends on this
// package (its lint plugins use the validator), so this one cannot depend back on it.
import { copyFileSync, mkdirSync } from "node:fs";

const source = new URL("../../../openapi/dist/", import.meta.url);
const target = new URL("../bundle/", import.meta.url);
mkdirSync(target, { recursive: true });
for (const name of ["openapi.json", "openapi.yaml"])
  copyFileSync(new URL(name, source), new URL(name, target));
