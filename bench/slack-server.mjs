// A Slack app under load, in a process of its own so the load client does not share its event
// loop: `ours` is coverwatch's Slack adapter (compiled, from dist/), `bare` a Bolt app that only
// acknowledges, `sized` a Bolt app that acknowledges with a copy of ours' answers (read from a JSON
// file: the whole team's and one account's), computing nothing. Prints the port it listens on, then
// serves until killed.
import { readFileSync } from 'node:fs';
import { App } from '@slack/bolt';
import { createSlackBot } from '../dist/adapters/slack/app.js';
import { createLogger } from '../dist/src/log.js';
import { openStore } from '../dist/src/store/db.js';

// The third argument: ours' database, or the sized app's answers (JSON).
const [mode, apiUrl, file] = process.argv.slice(2);
const secret = 'bench-signing-secret';
let port;
if (mode === 'ours') {
  const store = await openStore(file);
  const bot = createSlackBot({
    config: { botToken: 'xoxb-bench', signingSecret: secret, apiUrl },
    port: 0,
    host: '127.0.0.1',
    deps: {
      store,
      now: () => new Date('2026-11-21T15:00:00.000Z'),
      defaults: { timeZone: 'America/Los_Angeles', alertHour: 9 },
    },
    log: createLogger({ level: 'silent' }),
  });
  ({ port } = await bot.start());
} else {
  const bare = new App({
    token: 'xoxb-bench',
    signingSecret: secret,
    clientOptions: { slackApiUrl: apiUrl },
    convoStore: false,
  });
  if (mode === 'sized') {
    // Parsed once, stringified by Bolt per request as ours' answers are.
    const { team, account } = JSON.parse(readFileSync(file, 'utf8'));
    bare.command(/.*/, async ({ ack, command }) => {
      await ack(command.text.includes('shop-') ? account : team);
    });
  } else {
    bare.command(/.*/, async ({ ack }) => {
      await ack();
    });
  }
  port = (await bare.start({ port: 0, host: '127.0.0.1' })).address().port;
}
process.stdout.write(`${port}\n`);
// A clean exit on SIGTERM, so `node --cpu-prof` writes its profile (docs/benchmarks.md).
process.on('SIGTERM', () => process.exit(0));
