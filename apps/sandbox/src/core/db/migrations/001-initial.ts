import type { Migration } from "./migration.js";

/** Organizations, their API clients, the invitations hosts send and the connections between them. */
export const migration001Initial: Migration = {
  // the name schema_migrations records: data folders and databases migrated by earlier versions know it
  name: "001_initial.sql",
  sql: `
-- Organizations, their API clients, the invitations hosts send and the connections between organizations.
CREATE TABLE IF NOT EXISTS organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  owner_email text NOT NULL,
  -- 'host' / 'guest' for the two organizations seeded at start, whose identities the sandbox prints
  seeded_role text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS api_clients (
  client_id text PRIMARY KEY,
  -- a sandbox keeps the secret readable so that a restart can print the seeded identities again
  client_secret text NOT NULL,
  organization_id uuid NOT NULL REFERENCES organizations (id)
);

CREATE TABLE IF NOT EXISTS guest_invitations (
  id uuid PRIMARY KEY,
  host_organization_id uuid NOT NULL REFERENCES organizations (id),
  email text NOT NULL,
  invitation_token text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('sent', 'accepted_by_guest', 'accepted_by_system')),
  expired_at timestamptz NOT NULL,
  first_invitation_sent_at timestamptz NOT NULL,
  last_invitation_sent_at timestamptz NOT NULL,
  accepted_at timestamptz,
  archived boolean NOT NULL DEFAULT false,
  archived_at timestamptz,
  parent_organization_id uuid REFERENCES organizations (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS connections (
  host_organization_id uuid NOT NULL REFERENCES organizations (id),
  guest_organization_id uuid NOT NULL REFERENCES organizations (id),
  status text NOT NULL CHECK (status IN ('connected', 'disconnected')),
  archived boolean NOT NULL DEFAULT false,
  archived_at timestamptz,
  total_score double precision CHECK (total_score >= 0),
  score_updated_at timestamptz,
  active_action_type text CHECK (active_action_type IN ('documents_update_request', 'analytics_request')),
  active_action_updated_at timestamptz,
  parent_organization_id uuid REFERENCES organizations (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (host_organization_id, guest_organization_id)
);

CREATE INDEX IF NOT EXISTS connections_by_guest ON connections (guest_organization_id);
`,
};
