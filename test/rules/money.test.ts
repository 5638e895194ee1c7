import { describe, expect, it } from 'vitest';
import { wordsFor } from '../../src/i18n/index.ts';
import { isCurrencySign, MoneyError, money, parseMoney, percentOf, usd } from '../../src/rules/index.ts';

describe('parseMoney', () => {
  it.each([
    ['12480.50', 1_248_050],
    ['$12,480.50', 1_248_050],
    ['12,480.5', 1_248_050],
    ['12.5k', 1_250_000],
    ['1.2m', 120_000_000],
    ['10000', 1_000_000],
    ['USD 10,000.01', 1_000_001],
    ['10000usd', 1_000_000],
    ['1.2万美元', 1_200_000],
    ['8千', 800_000],
    ['1.5千美元', 150_000],
    ['12,000 美元', 1_200_000],
    ['.99', 99],
    ['0', 0],
    ['12.345k', 1_234_500],
    [' 12 480 ', 1_248_000],
    ['\t$ 1,000\n', 100_000],
    ['10K', 1_000_000],
    ['2M', 200_000_000],
    ['1_000', 100_000],
    ['5.', 500],
    ['1000000000000', 100_000_000_000_000], // the largest amount accepted
    // Written the European way: the last of two marks is the decimal one, a comma before two.
    ['12.480,50', 1_248_050],
    ['1.234.567,8', 123_456_780],
    ['1.000.000', 100_000_000],
    ['12 480,50', 1_248_050],
    ['12000,5', 1_200_050],
    [',99', 99],
    ['12,480', 1_248_000], // a comma before three digits is a thousands mark either way
    ['1,5k', 150_000],
    ['12,50$', 1_250],
    ['US$ 12,480.50', 1_248_050],
    ['us$5', 500],
  ])('%s -> %d cents', (text, minor) => {
    expect(parseMoney(text, 'USD')).toEqual({ minor, currency: 'USD' });
  });

  it('reads a currency’s sign before or after the amount, and $ as the dollar or peso of the account', () => {
    expect(parseMoney('12.480,50 €', 'EUR')).toEqual({ minor: 1_248_050, currency: 'EUR' });
    expect(parseMoney('€12.480,50', 'EUR')).toEqual({ minor: 1_248_050, currency: 'EUR' });
    expect(parseMoney('1 234,56 €', 'EUR')).toEqual({ minor: 123_456, currency: 'EUR' });
    expect(parseMoney('£1,234.56', 'GBP')).toEqual({ minor: 123_456, currency: 'GBP' });
    for (const text of ['$15,000', 'C$15,000', 'CA$15,000', 'c$15000', '15000$'])
      expect(parseMoney(text, 'CAD'), text).toEqual({ minor: 1_500_000, currency: 'CAD' });
    expect(parseMoney('$15,000', 'MXN')).toEqual({ minor: 1_500_000, currency: 'MXN' });
    expect(parseMoney('MX$15,000', 'MXN')).toEqual({ minor: 1_500_000, currency: 'MXN' });
    // A sign naming another dollar, or $ where no dollar is counted, is another currency.
    for (const [text, currency, got] of [
      ['US$500', 'CAD', 'USD'],
      ['C$500', 'USD', 'CAD'],
      ['MX$500', 'CAD', 'MXN'],
      ['$500', 'EUR', 'USD'],
      ['500 €', 'USD', 'EUR'],
    ] as const)
      expect(() => parseMoney(text, currency), text).toThrow(
        expect.objectContaining({ code: 'other-currency', values: expect.objectContaining({ got }) }),
      );
    expect(() => parseMoney('€500€', 'EUR')).toThrow(
      expect.objectContaining({ code: 'not-amount', values: { text: '€500€' } }),
    );
    // A sign as a word of its own, as the command line splits "12.480,50 €".
    for (const sign of ['€', '$', 'c$', 'US$', '￥', '£']) expect(isCurrencySign(sign), sign).toBe(true);
    for (const word of ['EUR', 'euro', '5€', 'report']) expect(isCurrencySign(word), word).toBe(false);
  });

  it('refuses a lone point before three digits, which reads both ways, and names both', () => {
    const err = (() => {
      try {
        parseMoney('12.500', 'EUR');
      } catch (e) {
        return e as MoneyError;
      }
    })();
    expect(err?.code).toBe('ambiguous');
    expect(wordsFor('en').t('error.money.ambiguous', { arg: 'amount', ...err?.values })).toBe(
      'amount: "12.500" can be read two ways; write 12500 for the whole amount, or 12.50 with cents',
    );
    expect(() => parseMoney('12.345', 'EUR')).toThrow(
      expect.objectContaining({ values: { text: '12.345', whole: '12345', decimals: 'none' } }),
    );
    expect(
      wordsFor('zh-CN').t('error.money.ambiguous', {
        arg: '金额',
        text: '12.345',
        whole: '12345',
        decimals: 'none',
      }),
    ).toBe('金额：“12.345”有两种读法；整数金额请写 12345');
    // A point before the first digit is a decimal point whatever follows; a comma there is refused.
    expect(parseMoney('.500', 'EUR')).toEqual({ minor: 50, currency: 'EUR' });
    expect(() => parseMoney(',500', 'EUR')).toThrow(expect.objectContaining({ code: 'separators' }));
    // Yen have no cents: only the whole amount is offered.
    expect(() => parseMoney('12.500', 'JPY')).toThrow(
      expect.objectContaining({
        code: 'ambiguous',
        values: { text: '12.500', whole: '12500', decimals: 'none' },
      }),
    );
    // Scaled by a suffix, three decimals are a figure like any other.
    expect(parseMoney('12.500k', 'EUR')).toEqual({ minor: 1_250_000, currency: 'EUR' });
  });

  // The problem is a code with values; the words are the catalogue's (here English).
  const en = wordsFor('en');
  it.each([
    ['-5', 'negative', '"-5" is negative'],
    ['12.3456', 'decimals', 'more than 2 decimals'],
    ['12.340', 'ambiguous', 'write 12340 for the whole amount, or 12.34 with cents'],
    ['12,3456', 'decimals', 'more than 2 decimals'],
    ['12.345', 'ambiguous', '"12.345" can be read two ways; write 12345 for the whole amount'],
    ['1.234,5.6', 'separators', 'misplaced thousands separators'],
    ['1,2.5', 'separators', 'misplaced thousands separators'],
    ['1.23.456', 'separators', 'misplaced thousands separators'],
    ['12,000,50', 'separators', 'misplaced thousands separators'],
    ['twelve', 'not-amount', 'is not an amount'],
    ['', 'empty', 'has no number in it'],
    ['1,23,456', 'separators', 'misplaced thousands separators'],
    ['5000000000000000', 'too-large', 'implausibly large'],
    ['CAD 500', 'other-currency', 'is in CAD, but this account counts sales in USD'],
    ['€500', 'other-currency', 'is in EUR'],
    ['XYZ 5', 'unknown-currency', '"XYZ" is not a known currency'],
    // A real currency coverwatch does not count in is the account's wrong currency, not an unknown one.
    ['CNY 5', 'other-currency', 'is in CNY, but this account counts sales in USD'],
    ['12,000 人民币', 'other-currency', 'is in CNY'],
    ['12000元', 'other-currency', 'is in CNY'],
    ['rmb 500', 'other-currency', 'is in CNY'],
    ['500 欧元', 'other-currency', 'is in EUR'],
    ['500日元', 'other-currency', 'is in JPY'],
    // ¥ is the yuan's sign as much as the yen's, full-width (as Chinese keyboards type it) or not.
    ['￥5000', 'other-currency', '"￥5000" is in CNY/JPY, but this account counts sales in USD'],
    ['¥5000', 'other-currency', 'is in CNY/JPY'],
    ['JPY ¥5000', 'other-currency', 'is in JPY,'],
    ['x500', 'not-amount', 'is not an amount'],
    ['500x', 'not-amount', 'is not an amount'],
    ['5-00', 'not-amount', 'is not an amount'],
    ['1000000000000.01', 'too-large', 'implausibly large'],
    ['−5', 'negative', 'is negative'],
    ['5kxyz', 'unknown-currency', '"XYZ" is not a known currency'], // the code is the last three letters
  ])('rejects %j (%s)', (text, code, words) => {
    const err = (() => {
      try {
        parseMoney(text, 'USD');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MoneyError);
    const { code: got, values } = err as MoneyError;
    expect(got).toBe(code);
    expect(en.t(`error.money.${got}`, { arg: 'amount', ...values })).toContain(words);
  });

  it('names its error and refuses a fraction of a minor unit', () => {
    expect(new MoneyError('empty').name).toBe('MoneyError');
    expect(new MoneyError('too-large', { text: '9e99' }).message).toBe('too-large: {"text":"9e99"}');
    expect(() => money(1.5, 'USD')).toThrow(
      expect.objectContaining({ code: 'not-whole', values: { minor: 1.5 } }),
    );
    expect(money(150, 'USD')).toEqual({ minor: 150, currency: 'USD' });
  });

  it.each([
    ['美元', 'USD'],
    ['欧元', 'EUR'],
    ['英镑', 'GBP'],
    ['日元', 'JPY'],
    ['加元', 'CAD'],
    ['加拿大元', 'CAD'],
    ['墨西哥比索', 'MXN'],
    ['比索', 'MXN'],
    ['人民币', 'CNY'],
    ['元', 'CNY'],
  ])('reads %s after an amount as %s: its own currency, and another one’s refused', (name, code) => {
    const own = code === 'CNY' ? undefined : (code as Parameters<typeof parseMoney>[1]);
    if (own) expect(parseMoney(`500${name}`, own)).toEqual(parseMoney('500', own));
    const other = code === 'USD' ? 'EUR' : 'USD';
    expect(() => parseMoney(`500 ${name}`, other)).toThrow(
      expect.objectContaining({ code: 'other-currency', values: expect.objectContaining({ got: code }) }),
    );
  });

  it('reads RMB as the renminbi, before or after the amount', () => {
    for (const text of ['500rmb', 'RMB 500'])
      expect(() => parseMoney(text, 'USD'), text).toThrow(
        expect.objectContaining({ code: 'other-currency', values: expect.objectContaining({ got: 'CNY' }) }),
      );
  });

  it('knows currencies without a minor unit', () => {
    expect(parseMoney('1,000,000', 'JPY')).toEqual({ minor: 1_000_000, currency: 'JPY' });
    expect(parseMoney('￥5,000', 'JPY')).toEqual({ minor: 5_000, currency: 'JPY' });
    expect(() => parseMoney('100.5', 'JPY')).toThrow(expect.objectContaining({ code: 'no-minor-unit' }));
  });
});

describe('percentOf', () => {
  it('rounds down and refuses mixed currencies', () => {
    expect(percentOf(usd(7999, 99), usd(10000))).toBe(79);
    expect(percentOf(usd(8000), usd(10000))).toBe(80);
    expect(percentOf(usd(5), { minor: 0, currency: 'USD' })).toBe(0);
    expect(() => percentOf(usd(1), { minor: 1, currency: 'EUR' })).toThrow(
      expect.objectContaining({ code: 'other-currency', values: expect.objectContaining({ wanted: 'EUR' }) }),
    );
  });
});
