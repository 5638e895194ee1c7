// Certificates of insurance handed over as PDFs: read one for an account (nothing stored but a draft
// the member can confirm), confirm a draft into a policy, and judge it exactly as `policy add`
// would — the same rules, the same account.
import { randomBytes } from 'node:crypto';
import { CertificateError, PDF_LIMITS, type PdfLimits } from '../certificates/pdf.ts';
import { policyFieldsOf, readCertificate } from '../certificates/read.ts';
import type { CertificateReading } from '../certificates/reading.ts';
import { type DecodedReason, decodeRejection } from '../certificates/rejection.ts';
import type { Values } from '../i18n/index.ts';
import type { PolicyCompliance } from '../rules/policy.ts';
import { accountTimeZone, type Rule, ruleOn, type Topic } from '../rules/table.ts';
import type { Account } from '../store/accounts.ts';
import { listAccounts } from '../store/accounts.ts';
import { type DraftFields, draftFields, getDraft, insertDraft, useDraft } from '../store/drafts.ts';
import { listPolicies } from '../store/policies.ts';
import { resolveAccount } from './accounts.ts';
import { type AppDeps, nowIso, read, type Scope, today, write } from './context.ts';
import { UserError } from './errors.ts';
import { insertJudged, type JudgedPolicy, judgeFields } from './policies.ts';

/** A draft waits this long for its confirmation; after that the PDF is read again. */
export const DRAFT_DAYS = 7;

export interface ReadResult {
  readonly account: Account;
  readonly reading: CertificateReading;
  readonly fields: DraftFields;
  /** Undefined when the certificate gave no coverage dates: then it cannot become a policy. */
  readonly compliance?: PolicyCompliance | undefined;
  /** The code `/insurance policy confirm` takes; undefined when there is nothing to confirm. */
  readonly draft?: string | undefined;
  readonly today: string;
}

/** Reads a certificate for an account and keeps what it says as a draft; stores no policy. */
export async function readCertificateFor(
  deps: AppDeps,
  scope: Scope,
  input: { account: string; bytes: Uint8Array; fileName: string; limits?: PdfLimits },
): Promise<ReadResult> {
  const account = await read(deps, (db) => resolveAccount(db, scope, input.account));
  let reading: CertificateReading;
  try {
    reading = await readCertificate(input.bytes, input.limits);
  } catch (err) {
    if (err instanceof CertificateError)
      throw new UserError(
        `error.certificate.${err.problem}`,
        {
          file: input.fileName,
          account: account.name,
          max: (input.limits ?? PDF_LIMITS).maxBytes / 1024 / 1024,
        },
        { field: 'file' },
      );
    throw err;
  }
  const fields = draftFields.parse(dropUndefined(policyFieldsOf(reading)));
  const day = today(deps, scope, accountTimeZone(account));
  if (!fields.effectiveOn || !fields.expiresOn || fields.expiresOn <= fields.effectiveOn)
    return { account, reading, fields, today: day };
  const compliance = judgeFields(
    { ...fields, effectiveOn: fields.effectiveOn, expiresOn: fields.expiresOn },
    account,
    day,
  );
  const draft = await write(deps, scope, 'certificate.read', account.name, async (trx) => {
    for (let attempt = 0; ; attempt++) {
      const code = randomBytes(3).toString('hex');
      // Six hex digits per team: a clash is rare, and the next code is as good.
      if (attempt < 5 && (await getDraft(trx, scope.tenant.id, code))) continue;
      return insertDraft(trx, scope.tenant.id, account.id, {
        code,
        fields,
        fileName: input.fileName,
        at: nowIso(deps),
        by: scope.actor,
      });
    }
  });
  return { account, reading, fields, compliance, draft: draft.code, today: day };
}

/** Turns a draft into the account's policy, once; optionally recorded as uploaded to Amazon. */
export async function confirmDraft(
  deps: AppDeps,
  scope: Scope,
  input: { code: string; uploadedOn?: string | undefined },
): Promise<JudgedPolicy> {
  return write(
    deps,
    scope,
    'certificate.confirm',
    input.code,
    async (trx) => {
      const draft = await getDraft(trx, scope.tenant.id, input.code.toLowerCase());
      if (!draft) throw new UserError('error.draft.none', { code: input.code }, { field: 'draft' });
      if (draft.policyId !== undefined)
        throw new UserError(
          'error.draft.used',
          { code: draft.code, policy: draft.policyId },
          { field: 'draft' },
        );
      const age = (deps.now().getTime() - Date.parse(draft.createdAt)) / 86_400_000;
      if (age > DRAFT_DAYS)
        throw new UserError(
          'error.draft.expired',
          { code: draft.code, days: DRAFT_DAYS },
          { field: 'draft' },
        );
      const account = (await listAccounts(trx, scope.tenant.id)).find((a) => a.id === draft.accountId);
      if (!account) throw new UserError('error.draft.none', { code: input.code }, { field: 'draft' });
      const { effectiveOn, expiresOn } = draft.fields;
      if (!effectiveOn || !expiresOn)
        throw new UserError('error.draft.none', { code: input.code }, { field: 'draft' });
      const judged = await insertJudged(trx, deps, scope, account, {
        ...draft.fields,
        effectiveOn,
        expiresOn,
        uploadedOn: input.uploadedOn,
      });
      await useDraft(trx, scope.tenant.id, draft.id, judged.policy.id);
      return judged;
    },
    (r) => ({ id: r.policy.id }),
  );
}

/** Amazon's rejection message for an account, decoded, with the rules it is about in force today. */
export async function decodeRejectionFor(
  deps: AppDeps,
  scope: Scope,
  input: { account: string; message: string },
): Promise<{ account: Account; policy?: number; reasons: DecodedReason[]; rules: Rule[]; asks: Values }> {
  const { account, policies } = await read(deps, async (db) => {
    const account = await resolveAccount(db, scope, input.account);
    return { account, policies: await listPolicies(db, scope.tenant.id, account.id) };
  });
  const day = today(deps, scope, accountTimeZone(account));
  const reasons = decodeRejection(input.message);
  const rules = reasons
    .map((r) => (r.topic ? ruleOn(r.topic, account.marketplace, day) : undefined))
    .filter((r): r is Rule => r !== undefined);
  // What to ask the broker for comes from the rule table of the account's store ("none" where a
  // requirement is not encoded for it).
  const on = <T extends Topic>(topic: T) => ruleOn(topic, account.marketplace, day);
  const asks: Values = {
    wording: on('additional-insured')?.wording ?? 'none',
    occurrence: on('per-occurrence')?.amount ?? 'none',
    aggregate: on('aggregate')?.amount ?? 'none',
    grade: on('insurer-rating')?.grade ?? 'none',
  };
  // The certificate Amazon turned down is the one uploaded last (or, none uploaded, the newest).
  const uploaded = policies.filter((p) => p.uploadedOn);
  const rejected = uploaded.length
    ? uploaded.reduce((best, p) => (p.uploadedOn! >= best.uploadedOn! ? p : best))
    : policies.at(-1); // listed by effective date
  return { account, policy: rejected?.number, reasons, rules: [...new Set(rules)], asks };
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
