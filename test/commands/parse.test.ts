// The text parser on its own (commands/parse.ts): tokens, how they fill a command's arguments, and
// which command a line names. The command tests run it end to end; these pin down each rule,
// especially the refusals, with the real catalogue's declarations.
import { describe, expect, it } from 'vitest';
import { ArgError } from '../../commands/args.ts';
import { CATALOGUE } from '../../commands/catalogue.ts';
import { rawArgs, resolve, tokenize, validateArgs } from '../../commands/parse.ts';
import { type CommandSpec, commandName } from '../../commands/spec.ts';

const spec = (name: string): CommandSpec => {
  const found = CATALOGUE.find((c) => commandName(c) === name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
};
const problems = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ArgError) return err.problems.map((p) => ({ ...p }));
    throw err;
  }
  throw new Error('no ArgError');
};
const raw = (name: string, text: string) => rawArgs(spec(name), tokenize(text));

describe('tokenize', () => {
  it('splits on white space and keeps quoted text whole, in every kind of quote', () => {
    const tokens = tokenize(`  a "b c"\t“d e” «f g» 'h i'  ‘j’ `);
    expect(tokens.map((t) => [t.value, t.quoted])).toEqual([
      ['a', false],
      ['b c', true],
      ['d e', true],
      ['f g', true],
      ['h i', true],
      ['j', true],
    ]);
    expect(tokenize('   ')).toEqual([]);
  });

  it('reads name:value, with the name in lower case and _ as -', () => {
    const tokens = tokenize('Covers_US:yes legal:"Acme Goods LLC" 10:30');
    expect(tokens).toEqual([
      { key: 'covers-us', value: 'yes', quoted: false },
      { key: 'legal', value: 'Acme Goods LLC', quoted: true },
      { value: '10:30', quoted: false },
    ]);
  });

  it('refuses a quote that is never closed, showing where it opened', () => {
    expect(problems(() => tokenize('note "never closed here'))).toEqual([
      { name: '', problem: 'arg.unclosed-quote', got: '"never closed here' },
    ]);
  });
});

describe('rawArgs', () => {
  it('fills arguments in order, and the last text argument takes the rest of the line', () => {
    expect(raw('/insurance sales record', 'acme-us 2026-10 12,480.50 from the payments report')).toEqual({
      account: 'acme-us',
      month: '2026-10',
      amount: '12,480.50',
      source: 'from the payments report',
    });
  });

  it('reads a currency written as a word beside the amount as part of it, not as the next argument', () => {
    const amount = (text: string) => raw('/insurance sales record', `acme-us 2026-10 ${text}`);
    expect(amount('12,000 EUR')).toEqual({ account: 'acme-us', month: '2026-10', amount: '12,000 EUR' });
    expect(amount('USD 12,000 payments report')).toEqual({
      account: 'acme-us',
      month: '2026-10',
      amount: 'USD 12,000',
      source: 'payments report',
    });
    expect(amount('12,000 usd').amount).toBe('12,000 usd');
    expect(amount('12,000 CNY').amount).toBe('12,000 CNY');
    expect(amount('1.2万 美元').amount).toBe('1.2万 美元');
    expect(amount('12,000 人民币').amount).toBe('12,000 人民币');
    expect(amount('12,000 RMB').amount).toBe('12,000 RMB');
    // A sign of its own, after the amount (as Europeans write it) or before it.
    expect(amount('12.480,50 €')).toEqual({ account: 'acme-us', month: '2026-10', amount: '12.480,50 €' });
    expect(amount('C$ 9,000 payments report')).toMatchObject({
      amount: 'C$ 9,000',
      source: 'payments report',
    });
    expect(amount('12000 ￥').amount).toBe('12000 ￥');
    // Words that are not currencies, or a lower-case word that only happens to be a code, stay the source.
    expect(amount('12,000 API report')).toMatchObject({ amount: '12,000', source: 'API report' });
    expect(amount('12,000 all channels')).toMatchObject({ amount: '12,000', source: 'all channels' });
    expect(amount('12,000 "EUR"')).toMatchObject({ amount: '12,000', source: 'EUR' });
    // A claim's amount too.
    expect(raw('/claim open', 'acme-us AZ-1 650 USD 2026-11-18')).toMatchObject({
      amount: '650 USD',
      notice: '2026-11-18',
    });
  });

  it('gives a name:value that is not an argument back as text (a link in a note)', () => {
    expect(raw('/insurance request', 'acme-us 2026-11-02 see https://sellercentral.amazon.com')).toEqual({
      account: 'acme-us',
      date: '2026-11-02',
      note: 'see https://sellercentral.amazon.com',
    });
  });

  it('takes an argument by name wherever it is', () => {
    expect(raw('/insurance check', 'as-of:2026-11-01 acme-us')).toEqual({
      'as-of': '2026-11-01',
      account: 'acme-us',
    });
  });

  it('refuses an amount split by a space rather than guess what it is', () => {
    for (const text of [
      'acme-us 2026-10 10 000',
      'acme-us 2026-10 $12 480.50',
      'acme-us 2026-10 amount:10 000',
    ])
      expect(problems(() => raw('/insurance sales record', text))).toEqual([
        {
          name: 'amount',
          problem: 'arg.money-spaced',
          got: text.split(' ').slice(2).join(' ').replace('amount:', ''),
        },
      ]);
    // Three digits after a space that are not an amount's thousands: a four-digit word, or quoted.
    expect(raw('/insurance sales record', 'acme-us 2026-10 10 2026').source).toBe('2026');
    expect(raw('/insurance sales record', 'acme-us 2026-10 10 "000"').source).toBe('000');
  });

  it('refuses an argument given twice, and words left over', () => {
    expect(problems(() => raw('/insurance sales record', 'acme-us 2026-10 5 source:a source:b'))).toEqual([
      { name: 'source', problem: 'arg.twice' },
    ]);
    expect(problems(() => raw('/insurance account list', 'extra words'))).toEqual([
      { name: '', problem: 'arg.unexpected', got: 'extra words' },
    ]);
    expect(problems(() => raw('/insurance check', 'acme-us as-of:2026-11-01 more'))).toEqual([
      { name: '', problem: 'arg.unexpected', got: 'more' },
    ]);
  });
});

describe('validateArgs', () => {
  it('names every argument that is missing or wrong at once', () => {
    const found = problems(() =>
      validateArgs(spec('/insurance sales record'), { account: 'Acme US!', amount: ' ' }),
    );
    expect(found.map((p) => [p.name, p.problem])).toEqual([
      ['account', 'arg.account'],
      ['month', 'arg.missing'],
      ['amount', 'arg.missing'],
    ]);
  });

  it('gives the handler typed, normalised values', () => {
    const values = validateArgs(spec('/insurance sales record'), {
      account: 'ACME-US',
      month: '2026年10月',
      amount: '１２，４８０．５０',
    }) as Record<string, unknown>;
    // The amount stays text here: it is read in the account's currency when the account is known.
    expect(values).toMatchObject({ account: 'acme-us', month: '2026-10', amount: '12,480.50' });
    expect(values.source).toBeUndefined();
  });

  it('takes an account name in any script, and full-width letters as ASCII; never markup or spaces', () => {
    const account = (name: string) =>
      (validateArgs(spec('/insurance sales list'), { account: name }) as { account: string }).account;
    expect(account('深圳店')).toBe('深圳店');
    expect(account('店铺1')).toBe('店铺1');
    expect(account('ａｃｍｅ－ｕｓ')).toBe('acme-us');
    expect(account('Café-FR')).toBe('café-fr');
    for (const bad of ['<@U1>', '@here', 'a b', '-acme', 'a&b', '深圳店!'])
      expect(
        problems(() => account(bad)).map((p) => p.problem),
        bad,
      ).toEqual(['arg.account']);
    // Too long is told as such, not as a wrong character.
    expect(account('x'.repeat(40))).toBe('x'.repeat(40));
    expect(problems(() => account('x'.repeat(41))).map((p) => p.problem)).toEqual(['arg.account-long']);
  });
});

describe('resolve', () => {
  const words = (text: string) => tokenize(text);

  it('finds the longest command the words name, and leaves the rest as arguments', () => {
    const r = resolve(CATALOGUE, 'insurance', words('Sales Record acme-us 2026-10 5'));
    expect(r.kind === 'command' && [commandName(r.spec), r.rest.map((t) => t.value)]).toEqual([
      '/insurance sales record',
      ['acme-us', '2026-10', '5'],
    ]);
  });

  it('a group alone lists its commands; a quoted or name:value word names no command', () => {
    const group = resolve(CATALOGUE, 'insurance', words('policy'));
    expect(group.kind === 'group' && group.path).toEqual(['insurance', 'policy']);
    expect(resolve(CATALOGUE, 'insurance', words('"check"')).kind).toBe('unknown');
    expect(resolve(CATALOGUE, 'insurance', words('sales:record')).kind).toBe('unknown');
  });

  it('suggests the nearest spelling, and a synonym of the verb first', () => {
    const typo = resolve(CATALOGUE, 'insurance', words('sales recrd acme-us'));
    expect(typo.kind === 'unknown' && [typo.typed, commandName(typo.suggestions[0]!)]).toEqual([
      '/insurance sales recrd',
      '/insurance sales record',
    ]);
    const synonym = resolve(CATALOGUE, 'insurance', words('policy delete 3'));
    expect(synonym.kind === 'unknown' && commandName(synonym.suggestions[0]!)).toBe(
      '/insurance policy remove',
    );
    const far = resolve(CATALOGUE, 'insurance', words('zzzzzzzzzzzzzzzz'));
    expect(far.kind === 'unknown' && far.suggestions).toEqual([]);
  });

  it('suggests the command for what was named first, however far its spelling', () => {
    const first = (root: string, line: string) => {
      const r = resolve(CATALOGUE, root, words(line));
      return r.kind === 'unknown' ? r.suggestions.map(commandName) : [];
    };
    expect(first('insurance', 'language zh')).toEqual(['/insurance settings']);
    expect(first('insurance', '语言')[0]).toBe('/insurance settings');
    expect(first('insurance', 'certificate coi.pdf')[0]).toBe('/insurance policy read');
    // Another command's root: /claim status answers for claims.
    expect(first('insurance', 'claims')[0]).toBe('/claim status');
    expect(first('claim', 'list')[0]).toBe('/claim status');
    // Named once, not again among the near spellings; three at most.
    const policies = first('insurance', 'policies');
    expect(policies[0]).toBe('/insurance policy list');
    expect(new Set(policies).size).toBe(policies.length);
    expect(policies.length).toBeLessThanOrEqual(3);
  });
});

describe('dates, months and marketplaces as people write them', () => {
  const month = (typed: string) =>
    validateArgs(spec('/insurance sales record'), raw('/insurance sales record', `acme-us ${typed} 5`)).month;
  const date = (typed: string) =>
    validateArgs(spec('/insurance request'), raw('/insurance request', `acme-us ${typed}`)).date;
  const store = (typed: string) =>
    validateArgs(spec('/insurance account add'), raw('/insurance account add', `acme ${typed}`)).marketplace;

  it('reads a month or a day with the year first, by slashes or points, and a month by its name', () => {
    for (const [typed, iso] of [
      ['2026/10', '2026-10'],
      ['2026.7', '2026-07'],
      ['2026/11/5', '2026-11-05'],
      ['10/2026', '2026-10'],
      ['Oct-2026', '2026-10'],
      ['october2026', '2026-10'],
      ['"October 2026"', '2026-10'],
      ['2026-Sept', '2026-09'],
      ['MAY/2026', '2026-05'],
      ['2026年10月', '2026-10'],
    ] as const)
      expect(month(typed), typed).toBe(iso);
    expect(date('2026/11/03')).toBe('2026-11-03');
    // A day first or a month first in numbers is read differently across the world: not guessed.
    for (const typed of ['11/03/2026', '03.11.2026', 'Ma-2026', 'Foo-2026', '13/2026', 'Octobers-2026'])
      expect(
        problems(() => month(typed)).map((p) => p.name),
        typed,
      ).toEqual(['month']);
  });

  it('reads today and yesterday, in English or Chinese, for the use case to count in the account’s zone', () => {
    expect([date('today'), date('Yesterday'), date('今天'), date('昨天')]).toEqual([
      'today',
      'yesterday',
      'today',
      'yesterday',
    ]);
    expect(month('today')).toBe('today');
    expect([month('last-month'), month('This-Month'), month('上个月'), month('本月')]).toEqual([
      'last-month',
      'this-month',
      'last-month',
      'this-month',
    ]);
    expect(problems(() => date('last-month')).map((p) => p.name)).toEqual(['date']);
    expect(problems(() => date('tomorrow'))).toMatchObject([{ name: 'date', problem: 'arg.date' }]);
    // Only the words' own keys: nothing an object inherits.
    for (const typed of ['constructor', '__proto__', 'hasOwnProperty'])
      expect(
        problems(() => date(typed)).map((p) => p.got),
        typed,
      ).toEqual([typed]);
  });

  it('reads a marketplace by its code, its store’s domain or its Chinese name', () => {
    for (const [typed, code] of [
      ['usa', 'US'],
      ['amazon.com', 'US'],
      ['美国站', 'US'],
      ['Amazon.co.uk', 'UK'],
      ['GB', 'UK'],
      ['amazon.de', 'EU'],
      ['德国', 'EU'],
      ['欧洲站', 'EU'],
      ['amazon.ca', 'CA'],
      ['amazon.com.mx', 'MX'],
      ['日本', 'JP'],
    ] as const)
      expect(store(typed), typed).toBe(code);
    expect(problems(() => store('amazon.cn')).map((p) => p.name)).toEqual(['marketplace']);
  });
});
