// The terminal adapter as a user runs it: `coverwatch shell` in a spawned process, commands piped
// on stdin, on a real SQLite file.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, coverwatch } from '../support/cli.ts';
import { tempSqlitePath } from '../support/stores.ts';

describe('coverwatch shell (piped)', () => {
  it('runs one command per line, prints plain text, exits 0 at end of input, and keeps the data', async () => {
    const db = tempSqlitePath();
    const first = await coverwatch(
      ['shell'],
      [
        '/insurance account add acme-us US legal:"Acme Goods LLC"',
        '/insurance sales record acme-us 2021-10 12,480.50',
        '# a comment',
        '',
        '/insurance check acme-us as-of:2021-11-10',
        'what is this',
        '/insurance sales record acme-us 2021-10 oops',
      ].join('\n'),
      { DATABASE_URL: db },
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).not.toMatch(/\x1b\[/); // no colour when piped
    expect(first.stdout).toContain('✅ Added acme-us (Amazon.com (United States))');
    expect(first.stdout).toContain('Required: yes, since 2021-10-31');
    expect(first.stdout).toContain('Deadline: 2021-11-30 (20 days left)');
    expect(first.stdout).toContain('Commands start with /insurance or /claim');
    expect(first.stdout).toContain('🚨 Amount is not an amount, e.g. 12,480.50 (got "oops")');

    const second = await coverwatch([], '/insurance sales list acme-us\n', { DATABASE_URL: db });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/2021-10 +USD 12,480\.50/);

    const sqlite = new SQLite(db, { readonly: true });
    const audit = sqlite.prepare('select action from audit_log order by id').all() as { action: string }[];
    sqlite.close();
    expect(audit.map((a) => a.action)).toEqual(['account.add', 'sales.record']);
  });

  it("answers in the team's language, the rules' heading included", async () => {
    const db = tempSqlitePath();
    const out = await coverwatch(
      ['shell'],
      [
        '/insurance settings language:zh-CN',
        '/insurance account add acme-us US',
        '/insurance sales record acme-us 2021-10 12,480.50',
        '/insurance check acme-us as-of:2021-11-10',
        '/insurance alerts here 9 UTC',
      ].join('\n'),
      { DATABASE_URL: db },
    );
    expect(out.code).toBe(0);
    const check = out.stdout.slice(out.stdout.lastIndexOf('acme-us · '));
    expect(check).toContain('依据的规则：');
    expect(check).not.toContain('Rules:');
    // What a sweep would post, shown in the team's language too.
    const dry = await coverwatch(['sweep', '--dry-run', '--at', '2021-11-16T10:00:00Z'], '', {
      DATABASE_URL: db,
    });
    expect(dry.stdout).toContain('2 alert(s) would be sent');
    expect(dry.stdout).toContain('依据的规则：');
    expect(dry.stdout).not.toContain('Rules:');
  });

  it('migrate applies the schema to a new file; a bad variable stops start-up naming it', async () => {
    const db = tempSqlitePath();
    const migrated = await coverwatch(['migrate'], '', { DATABASE_URL: db });
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('0001_initial');
    const again = await coverwatch(['migrate'], '', { DATABASE_URL: db });
    expect(again.stdout).toContain('up to date');
    const bad = await coverwatch(['shell'], '', { DATABASE_URL: db, ALERT_HOUR: '31' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ALERT_HOUR');
    const unknown = await coverwatch(['frobnicate'], '');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('--version and version print the version; a mistyped option is refused, not taken for a start', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    for (const args of [['--version'], ['-v'], ['version']]) {
      const shown = await coverwatch(args, '');
      expect([shown.code, shown.stdout], args.join(' ')).toEqual([
        0,
        `coverwatch ${version} (Node.js ${process.version})\n`,
      ]);
    }
    const mistyped = await coverwatch(['sweep', '--dryrun'], '', { DATABASE_URL: tempSqlitePath() });
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toMatch(/^unknown option "--dryrun"\n\nusage: coverwatch/);
    const missing = await coverwatch(['sweep', '--at'], '');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Option '--at <value>' argument missing");
    expect((await coverwatch(['-h'], '')).stdout).toContain('usage: coverwatch');
  });
});

describe('coverwatch sweep', () => {
  it('--dry-run --at shows what would be sent without writing; a real sweep prints to the terminal channel', async () => {
    const db = tempSqlitePath();
    await coverwatch(
      ['shell'],
      [
        '/insurance account add acme-us US',
        '/insurance sales record acme-us 2021-10 12,000',
        '/insurance alerts here 9 UTC',
      ].join('\n'),
      { DATABASE_URL: db },
    );
    const dry = await coverwatch(['sweep', '--dry-run', '--at', '2021-11-16T10:00:00Z'], '', {
      DATABASE_URL: db,
    });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run at 2021-11-16T10:00:00.000Z: 2 alert(s) would be sent.');
    expect(dry.stdout).toContain('insurance-deadline/1/2021-11-30/14d');
    expect(dry.stdout).toContain('acme-us: insurance due in 14 days (by 2021-11-30)');
    const early = await coverwatch(['sweep', '--dry-run', '--at', '2021-11-16T08:59:00Z'], '', {
      DATABASE_URL: db,
    });
    expect(early.stdout).toContain('0 alert(s) would be sent');
    // The real sweep runs now: an alert hour of 0 makes "now" always at or after it.
    await coverwatch(['shell'], '/insurance alerts here 0 UTC\n', { DATABASE_URL: db });
    const real = await coverwatch(['sweep'], '', { DATABASE_URL: db });
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('📣 alert → terminal');
    expect(real.stdout).toMatch(
      /1 team\(s\) planned, 0 unchanged; \d+ new alert\(s\); \d+ delivered, 0 to retry, 0 failed\./,
    );
    const again = await coverwatch(['sweep'], '', { DATABASE_URL: db });
    expect(again.stdout).toContain('0 team(s) planned, 1 unchanged; 0 new alert(s); 0 delivered');
    const badAt = await coverwatch(['sweep', '--at', 'yesterday', '--dry-run'], '', { DATABASE_URL: db });
    expect(badAt.code).toBe(2);
    expect(badAt.stderr).toContain('is not an instant');
    // Eight processes, each starting from the sources: on a loaded two-core machine that alone has
    // taken more than the default 30 s.
  }, 90_000);
});

describe('coverwatch and a reader that goes away', () => {
  it('ends quietly when its output is closed early (| head), with no EPIPE stack', async () => {
    const child = spawn(process.execPath, [BIN, 'shell'], {
      env: { PATH: process.env.PATH ?? '', HOME: '/tmp', LOG_LEVEL: 'warn', DATABASE_URL: tempSqlitePath() },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    // The first bytes arrive, then the reader leaves (as `head -c` does) while much more is coming.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end('/insurance help\n'.repeat(400));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });
});
