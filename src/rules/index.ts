// The rules engine: pure functions, no I/O. Everything else in coverwatch reaches the rules through here.
export * from './calendar.ts';
export * from './claims.ts';
export * from './eligibility.ts';
export * from './explain.ts';
export * from './money.ts';
export * from './policy.ts';
export * from './table.ts';
