// The database as kysely sees it. Both engines store the same values: integers for money (minor
// units) and flags, ISO text for calendar dates (YYYY-MM-DD), months (YYYY-MM) and instants.
import type { Generated } from 'kysely';

export type Platform = 'slack' | 'discord' | 'shell';

export interface TenantsTable {
  id: Generated<number>;
  platform: Platform;
  external_id: string;
  name: string | null;
  time_zone: string;
  alert_hour: number | null;
  alert_channel: string | null;
  created_at: string;
  data_version: Generated<number>;
  planned_on: string | null;
  planned_version: number | null;
  /** JSON list of { account, problem } the last planning of this tenant met; null when none. */
  plan_problems: string | null;
  /** The team's chosen language (null: the member's, or English). */
  locale: string | null;
  org_id: string | null;
  /** The replica planning this team in the current sweep, and until when its claim holds. */
  plan_lease_owner: string | null;
  plan_lease_until: string | null;
  /** Why the platform refuses posts in the alert channel (an AlertProblem), which channel, since when, last when. */
  alert_problem: string | null;
  alert_problem_channel: string | null;
  alert_problem_since: string | null;
  alert_problem_last: string | null;
}

export interface ManagerGrantsTable {
  id: Generated<number>;
  tenant_id: number;
  kind: 'user' | 'role';
  subject_id: string;
  granted_by: string;
  granted_at: string;
}

export interface AccountsTable {
  id: Generated<number>;
  tenant_id: number;
  name: string;
  marketplace: string;
  legal_name: string | null;
  dba: string | null;
  owner: string | null;
  time_zone: string | null;
  entity: string | null;
  created_at: string;
  created_by: string;
  removed_at: string | null;
}

export interface SalesRevisionsTable {
  id: Generated<number>;
  tenant_id: number;
  account_id: number;
  month: string;
  amount_minor: number;
  currency: string;
  previous_minor: number | null;
  source: string;
  recorded_on: string;
  recorded_at: string;
  recorded_by: string;
}

export interface SalesDaysTable {
  id: Generated<number>;
  tenant_id: number;
  account_id: number;
  day: string;
  amount_minor: number;
  currency: string;
  previous_minor: number | null;
  source: string;
  recorded_at: string;
  recorded_by: string;
}

export interface AmazonConnectionsTable {
  id: Generated<number>;
  tenant_id: number;
  account_id: number;
  marketplace_id: string;
  refresh_token: string;
  status: 'active' | 'revoked';
  connected_at: string;
  connected_by: string;
  synced_through: string | null;
  last_sync_at: string | null;
  last_error: string | null;
  sync_lease_owner: string | null;
  sync_lease_until: string | null;
  /** The seller's usage-plan bucket: tokens left at `plan_at` (real time). */
  plan_tokens: number | null;
  plan_at: string | null;
}

export interface CertificateDraftsTable {
  id: Generated<number>;
  tenant_id: number;
  code: string;
  account_id: number;
  fields: string;
  file_name: string;
  created_at: string;
  created_by: string;
  policy_id: number | null;
}

export interface ProofRequestsTable {
  id: Generated<number>;
  tenant_id: number;
  account_id: number;
  requested_on: string;
  note: string | null;
  created_at: string;
  created_by: string;
}

export interface PoliciesTable {
  id: Generated<number>;
  tenant_id: number;
  account_id: number;
  /** The team's own number for the policy (#1, #2 …), what users type; `id` is internal. */
  number: number;
  version: number;
  insurer: string | null;
  insurer_rating: string | null;
  policy_number: string | null;
  coverage_form: string | null;
  products_completed_ops: number | null;
  covers_marketplace: number | null;
  effective_on: string;
  expires_on: string;
  currency: string;
  per_occurrence_minor: number | null;
  aggregate_minor: number | null;
  products_aggregate_minor: number | null;
  deductible_minor: number | null;
  basis: string | null;
  additional_insured: string | null;
  certificate_holder: string | null;
  insured_name: string | null;
  cancellation_notice_days: number | null;
  uploaded_on: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  removed_at: string | null;
}

export interface ClaimsTable {
  id: Generated<number>;
  tenant_id: number;
  account_id: number;
  amazon_claim_id: string;
  order_id: string | null;
  kind: string;
  amount_minor: number;
  currency: string;
  incident_on: string | null;
  notice_on: string;
  response_due_on: string | null;
  charged_on: string | null;
  status: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface ClaimEventsTable {
  id: Generated<number>;
  tenant_id: number;
  claim_id: number;
  status: string;
  note: string | null;
  at: string;
  by: string;
}

export interface AlertsTable {
  id: Generated<number>;
  tenant_id: number;
  key: string;
  kind: string;
  payload: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  lease_owner: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface SweepsTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  planned: number;
  delivered: number;
  failed: number;
  owner: string;
  tenants_planned: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  tenant_id: number;
  actor: string;
  action: string;
  subject: string;
  detail: string | null;
  at: string;
}

export interface SlackInstallationsTable {
  id: Generated<number>;
  install_key: string;
  team_id: string | null;
  enterprise_id: string | null;
  installation: string;
  updated_at: string;
}

export interface Database {
  tenants: TenantsTable;
  manager_grants: ManagerGrantsTable;
  accounts: AccountsTable;
  sales_revisions: SalesRevisionsTable;
  sales_days: SalesDaysTable;
  amazon_connections: AmazonConnectionsTable;
  certificate_drafts: CertificateDraftsTable;
  proof_requests: ProofRequestsTable;
  policies: PoliciesTable;
  claims: ClaimsTable;
  claim_events: ClaimEventsTable;
  alerts: AlertsTable;
  sweeps: SweepsTable;
  audit_log: AuditLogTable;
  slack_installations: SlackInstallationsTable;
  request_receipts: RequestReceiptsTable;
  replay_receipts: ReplayReceiptsTable;
}

/** A signed request already handled: `<signed timestamp, 12 digits>:<platform>:<signature>`. */
export interface ReplayReceiptsTable {
  key: string;
}

/** Before 0014: receipts with the time they were seen (still cleared, no longer written). */
export interface RequestReceiptsTable {
  key: string;
  seen_at: string;
}
