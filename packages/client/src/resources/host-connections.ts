import type { GeneratedResources } from "../generated/resources.js";
import type { Resources } from "./resources.js";

const MAX_PAGE_SIZE = 100;

/** The generated host-connection methods, and `listAll` over their `list`. */
export function withListAll(generated: GeneratedResources["hostConnections"]): Resources["hostConnections"] {
  const { list } = generated;
  return {
    ...generated,
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
  };
}
