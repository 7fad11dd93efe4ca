import type { StatefulCheck } from "../check.js";
import { archiveRoundtrip } from "./archive-roundtrip.js";
import { invitationFlow } from "./invitation-flow.js";
import { listSemantics } from "./list-semantics.js";
import { tenantIsolation } from "./tenant-isolation.js";
import { writeEffects } from "./write-effects.js";

/** Flows over several operations; they need a server with memory and real host and guest identities. */
export const STATEFUL_CHECKS: StatefulCheck[] = [
  invitationFlow,
  archiveRoundtrip,
  listSemantics,
  tenantIsolation,
  // last: it reports what every earlier flow's writes did, as well as its own
  writeEffects,
];
