import type { OrganizationHeaderName as OrgHeaderName, paths } from "@mca/types";

/** An operation whose organization headers become optional: the client sends them from its options. */
type WithClientHeaders<Operation> = Operation extends { parameters: { header: infer Header } }
  ? Omit<Operation, "parameters"> & {
      parameters: Omit<Operation["parameters"], "header"> & {
        header?: Omit<Header, OrgHeaderName> & Partial<Pick<Header, Extract<keyof Header, OrgHeaderName>>>;
      };
    }
  : Operation;

/** The generated `paths`, as callers of this client see them. Everything else is the spec's, unchanged. */
export type ClientPaths = {
  [Path in keyof paths]: { [Key in keyof paths[Path]]: WithClientHeaders<paths[Path][Key]> };
};
