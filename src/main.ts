// Composition root: reads the configuration and runs the subcommand asked for.
import { ConfigError, loadConfig } from './config.ts';
import { eligibility, explain, parseMoney } from './rules/index.ts';

const USAGE = `usage: coverwatch [start|sample]`;

export async function main(argv: string[]): Promise<number> {
  const [command = 'start'] = argv;
  try {
    loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  switch (command) {
    case 'start':
    case 'sample': {
      const e = eligibility(
        {
          marketplace: 'US',
          sales: [{ month: '2026-10', amount: parseMoney('12,480.50', 'USD'), recordedOn: '2026-10-24' }],
        },
        '2026-11-21',
      );
      process.stdout.write(`Sample account acme-us, as of 2026-11-21:\n${explain(e)}\n`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}
