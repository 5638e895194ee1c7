// Amazon's marketplace ids for the stores coverwatch knows (each store's day, the zone its reports
// count in, is MARKETPLACE_TIME_ZONE in the rule table).
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
