import type { HostConnection, ListHostConnectionsQuery } from "@mca/types";
import type { GeneratedResources } from "../generated/resources.js";
import type { CallOptions } from "../resource-context.js";

/** `listAll` walks the pages itself: it takes the filters and a page size instead of `limit`/`offset`. */
export type ListAllHostConnectionsQuery = Omit<ListHostConnectionsQuery, "limit" | "offset"> & {
  /** Items per request, at most 100 (the spec's `limit` maximum). Default 100. */
  pageSize?: number;
};

/** What no spec can describe, written by hand on top of the generated methods. */
export interface HandWrittenMethods {
  hostConnections: {
    /** Every matching connection, page after page, until `total_items`. */
    listAll(
      query: ListAllHostConnectionsQuery,
      options?: CallOptions,
    ): AsyncGenerator<HostConnection, void, undefined>;
  };
  guestConnections: {
    /** `update` with `{ archived: true }`. */
    archive(
      guestOrgId: Parameters<GeneratedResources["guestConnections"]["update"]>[0],
      options?: CallOptions,
    ): ReturnType<GeneratedResources["guestConnections"]["update"]>;
    /** `update` with `{ archived: false }`. */
    unarchive(
      guestOrgId: Parameters<GeneratedResources["guestConnections"]["update"]>[0],
      options?: CallOptions,
    ): ReturnType<GeneratedResources["guestConnections"]["update"]>;
  };
}

/** Every resource of the spec (generated), with the hand-written methods merged into theirs. */
export type Resources = {
  [Name in keyof GeneratedResources]: Name extends keyof HandWrittenMethods
    ? GeneratedResources[Name] & HandWrittenMethods[Name]
    : GeneratedResources[Name];
};
