/**
 * This file was generated from the spec by @mca/regenerate (tools/regenerate/src/client-resources.ts).
 * Do not make direct changes to the file: edit openapi/ and run `pnpm generate`.
 */

import type { PathParams, QueryParams, RequestBody, SuccessBody } from "@mca/types";
import type { ApiPromise } from "../api-promise.js";
import type { CallOptions, ResourceContext } from "../resource-context.js";

/** One resource per tag of the spec, one method per operation. */
export interface GeneratedResources {
  oauth: {
    /**
     * Generate OAuth2 client credentials token
     *
     * Exchanges an API client's `client_id` and `client_secret` (created in the MyCreditApp Portal: Settings → API Clients) for an access token, valid for `expires_in` seconds. Send it as `Authorization: Bearer <token>` on all later requests.
     *
     * `POST /oauth2/token`
     */
    createToken(body: RequestBody<"createToken">, options?: CallOptions): ApiPromise<SuccessBody<"createToken">>;
  };
  guestConnections: {
    /**
     * Patch guest connection
     *
     * Archive (`archived: true`) or unarchive (`archived: false`) the connection to a guest organization.
     *
     * `PATCH /guest-connections/{guest_org_id}`
     */
    update(guestOrgId: PathParams<"updateGuestConnection">["guest_org_id"], body: RequestBody<"updateGuestConnection">, options?: CallOptions): ApiPromise<SuccessBody<"updateGuestConnection">>;
  };
  hostConnections: {
    /**
     * Get host connections
     *
     * List the requesting guest organization's connections to its hosts, filtered, sorted and paginated.
     *
     * `GET /host-connections`
     */
    list(query: QueryParams<"listHostConnections">, options?: CallOptions): ApiPromise<SuccessBody<"listHostConnections">>;
    /**
     * Create host connection
     *
     * Connect the requesting guest organization to a host organization, optionally accepting the host's invitation with its `invitation_token`.
     *
     * `POST /host-connections`
     */
    create(body: RequestBody<"createHostConnection">, options?: CallOptions): ApiPromise<SuccessBody<"createHostConnection">>;
    /**
     * Get host connection
     *
     * Read the requesting guest organization's connection to one host organization.
     *
     * `GET /host-connections/{host_org_id}`
     */
    get(hostOrgId: PathParams<"getHostConnection">["host_org_id"], options?: CallOptions): ApiPromise<SuccessBody<"getHostConnection">>;
  };
  guestInvitations: {
    /**
     * Create guest invitation
     *
     * Invite a guest organization by email. The response carries the `invitation_token` the guest sends to `POST /host-connections` to accept.
     *
     * `POST /guest-invitations`
     */
    create(body: RequestBody<"createGuestInvitation">, options?: CallOptions): ApiPromise<SuccessBody<"createGuestInvitation">>;
  };
}

export function createGeneratedResources({ raw, call }: ResourceContext): GeneratedResources {
  return {
    oauth: {
      createToken: (body, options) =>
        call("POST /oauth2/token", options, (init) => raw.POST("/oauth2/token", { body, ...init })),
    },
    guestConnections: {
      update: (guestOrgId, body, options) =>
        call("PATCH /guest-connections/{guest_org_id}", options, (init) => raw.PATCH("/guest-connections/{guest_org_id}", { params: { path: { "guest_org_id": guestOrgId } }, body, ...init })),
    },
    hostConnections: {
      list: (query, options) =>
        call("GET /host-connections", options, (init) => raw.GET("/host-connections", { params: { query }, ...init })),
      create: (body, options) =>
        call("POST /host-connections", options, (init) => raw.POST("/host-connections", { body, ...init })),
      get: (hostOrgId, options) =>
        call("GET /host-connections/{host_org_id}", options, (init) => raw.GET("/host-connections/{host_org_id}", { params: { path: { "host_org_id": hostOrgId } }, ...init })),
    },
    guestInvitations: {
      create: (body, options) =>
        call("POST /guest-invitations", options, (init) => raw.POST("/guest-invitations", { body, ...init })),
    },
  };
}
