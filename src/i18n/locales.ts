// The languages coverwatch speaks. Kept apart from the catalogues so the store can validate a
// team's stored language without loading any words.
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
