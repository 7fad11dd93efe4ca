#!/usr/bin/env node
// The tool runs from its TypeScript sources (no build step between a spec edit and its outputs).
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
