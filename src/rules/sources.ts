// Where the rules come from. Each source is named as a reader would look it up, with the words that
// decide it where we have them, and the date it speaks from. Titles and quotes stay in the source's
// own language in every locale: they are evidence, not interface text.
import type { CalendarDate } from './calendar.ts';

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly quote?: string;
  /** The day the source was published or took effect, where known. */
  readonly date?: CalendarDate;
  /** Amazon's own terms or staff, or somebody reporting them. */
  readonly kind: 'amazon' | 'second-hand';
}

const source = (s: Source): Source => s;

export const SOURCES = {
  bsaUs: source({
    id: 'bsa-us',
    title: 'Amazon Services Business Solutions Agreement (US), section 9 (Insurance)',
    quote:
      '… exceed … in gross proceeds … or otherwise if requested by us, then within thirty (30) days thereafter … throughout the remainder of the Term',
    kind: 'amazon',
  }),
  email2021: source({
    id: 'amazon-email-2021-08-10',
    title: "Amazon's email to sellers of 2021-08-10, 'Amazon expands A-to-z Guarantee'",
    quote:
      'effective September 1, 2021, our Business Solutions Agreement will require sellers to obtain product liability insurance and name Amazon as an additional insured once you reach $10,000 in sales in one month',
    date: '2021-08-10',
    kind: 'amazon',
  }),
  notice2021: source({
    id: 'seller-notice-2021-11-10',
    title: "Amazon's notice to US sellers, reported 2021-11-10",
    quote:
      "must purchase and maintain business liability insurance and upload your insurance certificate … After September 1, 2021, the seller's total monthly sales revenue exceeds $10000 in any month in [Amazon]'s history … If Amazon requires you to provide an insurance certificate, you still need to provide an insurance certificate",
    date: '2021-11-10',
    kind: 'amazon',
  }),
  forumStaff: source({
    id: 'forum-staff',
    title: "Amazon staff answers on Seller Forums ('Commercial liability insurance requirements')",
    kind: 'amazon',
  }),
  forum2022: source({
    id: 'forum-2022-06-27',
    title: 'Amazon Seller Forums announcement, 2022-06-27 (insured name, DBA, deductible)',
    date: '2022-06-27',
    kind: 'amazon',
  }),
  forum2022Restored: source({
    id: 'forum-2022-08-15',
    title: 'Amazon Seller Forums update, 2022-08-15 (deductible requirement restored)',
    date: '2022-08-15',
    kind: 'amazon',
  }),
  azEmail: source({
    id: 'amazon-email-2021-08-10-az',
    title: "Amazon's email to sellers of 2021-08-10, 'Amazon expands A-to-z Guarantee'",
    quote:
      'Pay valid claims less than $1,000 and not seek reimbursement from sellers who have valid insurance … If a seller does not respond to a claim, Amazon will step in … bear the cost ourselves, and separately pursue the seller.',
    date: '2021-08-10',
    kind: 'amazon',
  }),
  azPolicy: source({
    id: 'az-policy-page',
    title: "Amazon's A-to-z Guarantee property damage and personal injury claims policy page",
    quote: 'claims of $1000 or less',
    kind: 'amazon',
  }),
  azCustomerTerms: source({
    id: 'az-customer-terms',
    title: "Amazon's A-to-z customer terms (second-hand)",
    kind: 'second-hand',
  }),
  insurerGuides: source({
    id: 'insurer-guides',
    title: "Insurance brokers' guides to Amazon's requirements (second-hand)",
    kind: 'second-hand',
  }),
  bsaCaMxEarlier: source({
    id: 'bsa-ca-mx-earlier',
    title:
      'Amazon Business Solutions Agreement (CA, MX), earlier form, as summarised by brokers (second-hand)',
    quote: '… in each month over any period of three (3) consecutive months …',
    kind: 'second-hand',
  }),
  multiSiteNotice2024: source({
    id: 'multi-site-notice-2024-07-24',
    title:
      "Sellers' reports of Amazon's 2024 insurance notice for the European and Canadian stores (second-hand)",
    quote:
      'once the gross proceeds from your transactions exceed the applicable insurance threshold in sales in any month',
    date: '2024-07-24',
    kind: 'second-hand',
  }),
  bsaEu2024: source({
    id: 'bsa-eu-2024-05-29',
    title:
      'Amazon Services Europe Business Solutions Agreement, clause 8, as reported by brokers (second-hand)',
    quote:
      "€5,000 … on Amazon's German, French, Italian, Spanish, Belgian, or Dutch sites … sales across Amazon's European stores … 30 days' notice",
    date: '2024-05-29',
    kind: 'second-hand',
  }),
  euLimits: source({
    id: 'eu-broker-limits',
    title: "A European broker's summary of Amazon Europe's policy limits (second-hand)",
    quote: 'Five Hundred Thousand Euros (€500,000) … Four Hundred Thousand British Pounds (£400,000)',
    kind: 'second-hand',
  }),
  euLimitsConflict: source({
    id: 'eu-limits-usd',
    title: "Other sellers' summaries giving USD 1,000,000 for the European stores (second-hand, conflicting)",
    kind: 'second-hand',
  }),
  regionalSummaries: source({
    id: 'regional-summaries',
    title: "Brokers' and sellers' summaries of Amazon's regional insurance thresholds (second-hand)",
    kind: 'second-hand',
  }),
  coverwatch: source({
    id: 'coverwatch',
    title: "coverwatch's own setting (not Amazon's): when to warn before the threshold",
    kind: 'second-hand',
  }),
} as const satisfies Record<string, Source>;
