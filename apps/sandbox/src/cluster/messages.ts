import type { OrganizationCredentials } from "../store/organizations.js";

/** Cache keys a write changed; `undefined`: everything. */
export type ChangedKeys = readonly string[] | undefined;

/** What workers and the primary say to each other over the cluster's IPC channel. */
export type ClusterMessage =
  /** worker → primary: I wrote; make every other worker forget `keys`, then answer `forgotten`. */
  | { type: "changed"; id: number; keys: ChangedKeys }
  /** primary → worker: another worker wrote; forget `keys` and answer `forgot`. */
  | { type: "forget"; id: number; keys: ChangedKeys }
  /** worker → primary: done forgetting for change `id`. */
  | { type: "forgot"; id: number }
  /** primary → worker: every other worker forgot change `id`; the write may be acknowledged. */
  | { type: "forgotten"; id: number }
  /** worker → primary → every worker: a database backend of the cluster; its notifications are not news. */
  | { type: "backend"; pid: number }
  /** worker → primary: serving. */
  | {
      type: "ready";
      url: string;
      hosts: OrganizationCredentials[];
      guests: OrganizationCredentials[];
    };

export function isClusterMessage(value: unknown): value is ClusterMessage {
  return (
    typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string"
  );
}
