// Formatted words are remembered (least recently used forgotten first) for answers, and not for an
// alert sweep: either way a message reads the same, however many have been formatted before it.
import { describe, expect, it } from 'vitest';
import { LOCALES, wordsFor } from '../../src/i18n/index.ts';

describe('remembered words', () => {
  it.each(LOCALES)('%s: a message reads the same remembered or not, past the memo’s size', (locale) => {
    const answers = wordsFor(locale);
    const sweep = wordsFor(locale, { rememberMessages: false });
    expect(sweep).not.toBe(answers);
    expect(wordsFor(locale)).toBe(answers);
    const render = (i: number) => ({
      policy: `P-${i % 7}`,
      account: `shop-${i}`,
      expiresOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      daysLeft: i % 60,
    });
    const first = answers.t('alert.policy-expiring.title', render(0));
    // More distinct messages and dates than the memo holds: the first ones are forgotten, not mixed up.
    for (let i = 0; i < 6_000; i++) {
      const text = answers.t('alert.policy-expiring.title', render(i));
      expect(text).toContain(`shop-${i}`);
      if (i % 500 === 0) expect(text).toBe(sweep.t('alert.policy-expiring.title', render(i)));
    }
    expect(answers.t('alert.policy-expiring.title', render(0))).toBe(first);
    expect(answers.t('alert.policy-expiring.title', render(5_999))).toBe(
      sweep.t('alert.policy-expiring.title', render(5_999)),
    );
    expect(answers.date('2026-11-22')).toBe(sweep.date('2026-11-22'));
  });
});
