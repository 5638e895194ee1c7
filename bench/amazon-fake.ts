// The Amazon fake in a process of its own for the backfill benchmark (bench/sales.ts), so the
// client's sync does not share its event loop: 1,000 sellers (seller-T-A, token Atzr|bench-T-A)
// with two years of days each. Prints its base URL; on SIGTERM prints its counts as JSON and exits.
import { FakeAmazon } from '../test/fakes/amazon.ts';

const days = new Map<string, number>();
for (let i = 0; i < 730; i++)
  days.set(new Date(Date.parse('2024-11-22') + i * 86_400_000).toISOString().slice(0, 10), 30_000);
const fake = await new FakeAmazon().start();
for (let t = 0; t < 10; t++)
  for (let a = 0; a < 100; a++)
    fake.sellers.set(`seller-${t}-${a}`, { refreshToken: `Atzr|bench-${t}-${a}`, sales: days });
process.stdout.write(`${fake.apiUrl}\n`);
process.on('SIGTERM', () => {
  const exceeded = fake.violations.filter((v) => v.startsWith('usage plan')).length;
  const invalid = fake.violations.filter((v) => !v.startsWith('usage plan'));
  process.stdout.write(
    `${JSON.stringify({ calls: fake.calls.length, exceeded, invalid: invalid.slice(0, 5) })}\n`,
  );
  process.exit(0);
});
