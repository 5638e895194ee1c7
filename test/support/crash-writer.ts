// Child process for the crash-safety test: records sales as fast as it can and prints the id of
// each revision once its transaction has committed. The parent kills it with SIGKILL mid-stream.
import { usd } from '../../src/rules/money.ts';
import { insertAccount } from '../../src/store/accounts.ts';
import { openStore } from '../../src/store/db.ts';
import { recordSales } from '../../src/store/sales.ts';
import { ensureTenant } from '../../src/store/tenants.ts';

const store = await openStore(process.argv[2]!);
const at = new Date().toISOString();
const tenant = await ensureTenant(
  store.db,
  { platform: 'shell', externalId: 'crash' },
  { timeZone: 'UTC', at },
);
const account = await insertAccount(
  store.db,
  tenant.id,
  { name: 'crash-us', marketplace: 'US' },
  { by: 'crash', at },
);
for (let i = 0; ; i++) {
  const month = `20${String(10 + (i % 80)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
  const rev = await store.transaction((trx) =>
    recordSales(trx, tenant.id, account.id, {
      month,
      amount: usd(i),
      source: 'crash-test',
      recordedOn: '2026-11-21',
      at,
      by: 'crash',
    }),
  );
  process.stdout.write(`ack ${rev.id} ${i}\n`);
}
