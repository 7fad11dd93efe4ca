import { migration001Initial } from "./001-initial.js";
import { migration002WriteNotifications } from "./002-write-notifications.js";
import { migration003UniqueEmail } from "./003-unique-email.js";
import type { Migration } from "./migration.js";

/** Every migration, in the order they apply. A new one goes at the end (and its name sorts last). */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002WriteNotifications,
  migration003UniqueEmail,
];
