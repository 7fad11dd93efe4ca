import { loadBundledSpec } from "@mca/spec";

/** The parts of the bundle these tests edit. */
export interface EditableSpec {
  info: { version: string };
  components: {
    schemas: {
      [Name in "HostConnection" | "HostConnectionOrderField"]: {
        description?: string;
        properties: Record<string, unknown>;
        required: string[];
        enum: string[];
      };
    };
  };
}

/** A fresh copy of the bundle, typed for the edits the tests make. */
export const editableBundle = (): EditableSpec => loadBundledSpec() as unknown as EditableSpec;
