// The rules engine: pure functions, no I/O, and no words — it returns findings the message
// catalogue renders. Everything else in coverwatch reaches the rules through here.
export * from './calendar.ts';
export * from './claims.ts';
export * from './eligibility.ts';
export * from './explain.ts';
export * from './findings.ts';
export * from './money.ts';
export * from './months.ts';
export * from './policy.ts';
export * from './sources.ts';
export * from './standing.ts';
export * from './table.ts';
