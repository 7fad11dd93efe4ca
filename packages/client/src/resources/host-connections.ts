import type { ResourceContext } from "../resource-context.js";
import type { Resources } from "./resources.js";

const MAX_PAGE_SIZE = 100;

export function createHostConnections({ raw, call }: ResourceContext): Resources["hostConnections"] {
  const list: Resources["hostConnections"]["list"] = (query, options) =>
    call("GET /host-connections", options, (init) =>
      raw.GET("/host-connections", { params: { query }, ...init }),
    );

  return {
    list,
    async *listAll({ pageSize = MAX_PAGE_SIZE, ...filters }, options) {
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new RangeError(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
      }
      let offset = 0;
      for (;;) {
        const page = await list({ ...filters, limit: pageSize, offset }, options);
        yield* page.items;
        offset += page.items.length;
        // an empty page ends the walk even if total_items promised more, so a shrinking list cannot loop forever
        if (page.items.length === 0 || offset >= page.total_items) return;
      }
    },
    create: (body, options) =>
      call("POST /host-connections", options, (init) => raw.POST("/host-connections", { body, ...init })),
    get: (hostOrgId, options) =>
      call("GET /host-connections/{host_org_id}", options, (init) =>
        raw.GET("/host-connections/{host_org_id}", { params: { path: { host_org_id: hostOrgId } }, ...init }),
      ),
  };
}
