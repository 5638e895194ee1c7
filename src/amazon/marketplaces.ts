// Amazon's marketplace ids for the stores coverwatch knows, and the time zone Amazon's own reports
// use for each store's day (used when the account has no time zone of its own).
import type { Marketplace } from '../rules/table.ts';

export const MARKETPLACE_ID: Readonly<Record<Marketplace, string>> = {
  US: 'ATVPDKIKX0DER',
  CA: 'A2EUQ1WTGCTBG2',
  MX: 'A1AM78C64UM0Y8',
  UK: 'A1F83G8C2ARO7P',
  // The European store as coverwatch counts it: Amazon.de's id (sales are per country store).
  EU: 'A1PA6795UKMFR9',
  JP: 'A1VC38T7YXB528',
};

export const STORE_TIME_ZONE: Readonly<Record<Marketplace, string>> = {
  US: 'America/Los_Angeles',
  CA: 'America/Los_Angeles',
  MX: 'America/Los_Angeles',
  UK: 'Europe/London',
  EU: 'Europe/Berlin',
  JP: 'Asia/Tokyo',
};
