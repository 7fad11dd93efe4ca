import type {
  GuestConnection,
  GuestConnectionUpdate,
  GuestInvitation,
  GuestInvitationCreate,
  HostConnection,
  HostConnectionCreate,
  HostConnectionList,
  ListHostConnectionsQuery,
  TokenRequest,
  TokenResponse,
} from "@mca/types";
import type { ApiPromise } from "../api-promise.js";
import type { CallOptions } from "../resource-context.js";

/** `listAll` walks the pages itself: it takes the filters and a page size instead of `limit`/`offset`. */
export type ListAllHostConnectionsQuery = Omit<ListHostConnectionsQuery, "limit" | "offset"> & {
  /** Items per request, at most 100 (the spec's `limit` maximum). Default 100. */
  pageSize?: number;
};

export interface Resources {
  oauth: {
    /** `POST /oauth2/token` */
    createToken(body: TokenRequest, options?: CallOptions): ApiPromise<TokenResponse>;
  };
  guestInvitations: {
    /** `POST /guest-invitations` */
    create(body: GuestInvitationCreate, options?: CallOptions): ApiPromise<GuestInvitation>;
  };
  hostConnections: {
    /** `POST /host-connections` */
    create(body: HostConnectionCreate, options?: CallOptions): ApiPromise<HostConnection>;
    /** `GET /host-connections`: one page. */
    list(query: ListHostConnectionsQuery, options?: CallOptions): ApiPromise<HostConnectionList>;
    /** Every matching connection, page after page, until `total_items`. */
    listAll(
      query: ListAllHostConnectionsQuery,
      options?: CallOptions,
    ): AsyncGenerator<HostConnection, void, undefined>;
    /** `GET /host-connections/{host_org_id}` */
    get(hostOrgId: string, options?: CallOptions): ApiPromise<HostConnection>;
  };
  guestConnections: {
    /** `PATCH /guest-connections/{guest_org_id}` */
    update(
      guestOrgId: string,
      body: GuestConnectionUpdate,
      options?: CallOptions,
    ): ApiPromise<GuestConnection>;
    archive(guestOrgId: string, options?: CallOptions): ApiPromise<GuestConnection>;
    unarchive(guestOrgId: string, options?: CallOptions): ApiPromise<GuestConnection>;
  };
}
