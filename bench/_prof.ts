import { addMonthsTo, eligibility, type SalesRevision } from '../src/rules/index.ts';

const sales: SalesRevision[] = [];
for (let i = 0; i < 120; i++) {
  const month = addMonthsTo('2016-12', i);
  sales.push({
    month,
    amount: { minor: i < 110 ? 600_000 + i * 1000 : 1_200_000, currency: 'USD' },
    recordedOn: `${month}-28`,
  });
}
const facts = { marketplace: 'US' as const, legalName: 'Acme Goods LLC', sales, proofRequests: [] };
let sink = 0;
const t = performance.now();
for (let i = 0; i < 300_000; i++) sink += eligibility(facts, '2026-11-21').required ? 1 : 0;
console.log(sink, Math.round(300000 / ((performance.now() - t) / 1000)));
