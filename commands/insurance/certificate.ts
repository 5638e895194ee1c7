// /insurance policy read|confirm|rejected|broker-email: a certificate PDF checked before Amazon
// checks it, saved as a policy only when the member confirms; Amazon's rejection decoded; the email
// to the broker that asks for exactly what Amazon wants.
import {
  confirmDraft,
  decodeRejectionFor,
  type ReadResult,
  readCertificateFor,
} from '../../src/app/certificates.ts';
import { type JudgedPolicy, showPolicy } from '../../src/app/policies.ts';
import type { CoverageLine, Located } from '../../src/certificates/reading.ts';
import type { Words } from '../../src/i18n/index.ts';
import type { Reply, Section, Tone } from '../../src/reply.ts';
import { money } from '../../src/rules/money.ts';
import { MARKETPLACE_CURRENCY, type Rule } from '../../src/rules/table.ts';
import { arg } from '../args.ts';
import { fileOf } from '../files.ts';
import { defineCommand } from '../spec.ts';
import { OUTCOME_MARK, policyReply } from '../views.ts';

/** One value read from the certificate, and where: "Named insured: Acme Goods LLC (form field …)". */
function found<T>(
  w: Words,
  label: string,
  v: Located<T> | undefined,
  show: (t: T) => string = String,
): string {
  return v
    ? w.t('certificate.found', { label, value: show(v.value), at: v.at })
    : w.t('certificate.not-found', { label });
}

function lineSection(line: CoverageLine, r: ReadResult, w: Words): Section {
  const currency = MARKETPLACE_CURRENCY[r.account.marketplace];
  const amount = (m: number) => w.money(money(m, currency), { short: false });
  const insurer = r.reading.insurers.find((i) => i.letter === line.insurer?.value);
  return {
    heading: w.t('certificate.line', {
      form: line.form,
      letter: line.insurer?.value ?? '?',
      insurer: insurer?.name.value ?? '—',
    }),
    lines: [
      found(w, w.t('certificate.label.number'), line.policyNumber),
      found(w, w.t('certificate.label.effective'), line.effective, (d) => w.date(d)),
      found(w, w.t('certificate.label.expires'), line.expires, (d) => w.date(d)),
      found(w, w.t('certificate.label.basis'), line.basis, (b) => w.t('certificate.basis', { basis: b })),
      found(w, w.t('certificate.label.each'), line.eachOccurrence, amount),
      found(w, w.t('certificate.label.aggregate'), line.aggregate, amount),
      ...(line.form === 'general'
        ? [found(w, w.t('certificate.label.products'), line.productsAggregate, amount)]
        : []),
      ...(line.retention ? [found(w, w.t('certificate.label.retention'), line.retention, amount)] : []),
      found(w, w.t('certificate.label.ai-mark'), line.additionalInsured, (b) =>
        w.t(b ? 'certificate.yes' : 'certificate.no'),
      ),
    ],
  };
}

function readReply(r: ReadResult, file: string, w: Words): Reply {
  const { reading, compliance, account } = r;
  const verdict = compliance?.verdict ?? 'unreadable';
  const tone: Tone =
    reading.notBound || verdict === 'deficient' ? 'danger' : verdict === 'compliant' ? 'ok' : 'warn';
  const certificate: Section = {
    heading: w.t('certificate.section.says', {
      source: reading.source,
    }),
    lines: [
      ...(reading.title ? [found(w, w.t('certificate.label.title'), reading.title)] : []),
      found(w, w.t('certificate.label.producer'), reading.producer),
      found(w, w.t('certificate.label.insured'), reading.insured),
      ...reading.insurers.map((i) =>
        w.t('certificate.insurer', {
          letter: i.letter,
          name: i.name.value,
          naic: i.naic?.value ?? '—',
          at: i.name.at,
        }),
      ),
      found(w, w.t('certificate.label.description'), reading.description),
      found(w, w.t('certificate.label.holder'), reading.holder),
      found(w, w.t('certificate.label.cancellation'), reading.cancellation),
    ],
  };
  const checklist: Section | undefined = compliance && {
    heading: w.t('certificate.section.checklist', { account: account.name }),
    tone,
    lines: compliance.results.map((x) =>
      w.t('policy.requirement', {
        mark: OUTCOME_MARK[x.outcome],
        text: w.finding(x.finding),
        advisory: x.advisory ? 'yes' : 'no',
      }),
    ),
  };
  const warnings = [
    ...(reading.notBound
      ? [w.t('certificate.not-bound', { words: reading.notBound.value, at: reading.notBound.at })]
      : []),
    ...(r.reading.lines.length === 0 ? [w.t('certificate.no-lines')] : []),
  ];
  return {
    title: w.t('certificate.read.title', { file, account: account.name, verdict }),
    tone,
    lines: [
      ...warnings,
      r.draft
        ? w.t('certificate.confirm.how', { code: r.draft, today: r.today })
        : w.t('certificate.confirm.impossible', { account: account.name }),
    ],
    sections: [
      certificate,
      ...reading.lines.map((l) => lineSection(l, r, w)),
      ...(checklist ? [checklist] : []),
    ],
    citations: compliance
      ? w.citations(compliance.results.filter((x) => x.outcome !== 'pass').map((x) => x.rule))
      : [],
    ...(r.draft
      ? {
          actions: [
            {
              label: w.t('certificate.action.save'),
              command: `insurance policy confirm ${r.draft}`,
              primary: true,
            },
            {
              label: w.t('certificate.action.save-uploaded'),
              command: `insurance policy confirm ${r.draft} uploaded:${r.today}`,
            },
          ],
        }
      : {}),
  };
}

/** The broker's email: every requirement Amazon has, each the certificate misses marked with why. */
export function brokerEmail(
  judged: JudgedPolicy,
  w: Words,
): { subject: string; body: string; missing: number } {
  const { policy, account, compliance } = judged;
  const resultOf = (topic: Rule['topic']) => compliance.results.find((x) => x.rule.topic === topic);
  const bullets: string[] = [];
  let missing = 0;
  const ask = (topic: Rule['topic'], text: string) => {
    const r = resultOf(topic);
    if (!r) return;
    const short = r.outcome !== 'pass';
    if (short) missing++;
    bullets.push(`- ${text}${short ? `\n  ${w.t('broker.now', { finding: w.finding(r.finding) })}` : ''}`);
  };
  const ai = resultOf('additional-insured')?.rule;
  if (ai?.topic === 'additional-insured')
    ask('additional-insured', w.t('broker.ai', { wording: ai.wording }));
  const occ = resultOf('per-occurrence')?.rule;
  const agg = resultOf('aggregate')?.rule;
  const products = resultOf('products-aggregate')?.rule;
  if (occ?.topic === 'per-occurrence' && agg?.topic === 'aggregate')
    ask(
      'per-occurrence',
      w.t('broker.limits', {
        occurrence: w.money(occ.amount, { short: true }),
        aggregate: w.money(agg.amount, { short: true }),
        products: w.money(products?.topic === 'products-aggregate' ? products.amount : agg.amount, {
          short: true,
        }),
      }),
    );
  if (resultOf('aggregate')?.outcome !== 'pass' && resultOf('per-occurrence')?.outcome === 'pass')
    ask('aggregate', w.t('broker.aggregate'));
  ask('coverage', w.t('broker.coverage'));
  ask('basis', w.t('broker.basis'));
  ask(
    'insured-name',
    account.legalName ? w.t('broker.insured', { legal: account.legalName }) : w.t('broker.insured.unknown'),
  );
  const deductible = resultOf('deductible')?.rule;
  if (deductible?.topic === 'deductible' && deductible.amount)
    ask('deductible', w.t('broker.deductible', { maximum: w.money(deductible.amount, { short: true }) }));
  const notice = resultOf('cancellation-notice')?.rule;
  if (notice?.topic === 'cancellation-notice')
    ask('cancellation-notice', w.t('broker.notice', { days: notice.days }));
  const rating = resultOf('insurer-rating')?.rule;
  if (rating?.topic === 'insurer-rating')
    ask('insurer-rating', w.t('broker.rating', { grade: rating.grade }));
  bullets.push(`- ${w.t('broker.holder')}`);
  const insured = policy.insuredName ?? account.legalName ?? account.name;
  // Fields the certificate never gave are left out of the sentences ('none'), not shown as a dash;
  // coverwatch's own #id means nothing to a broker.
  const number = policy.policyNumber ?? 'none';
  const subject = w.t('broker.subject', { insured, number });
  const body = [
    w.t('broker.greeting'),
    '',
    w.t('broker.intro', {
      insured,
      number,
      insurer: policy.insurer ?? 'none',
    }),
    '',
    ...bullets,
    '',
    w.t('broker.bound'),
    '',
    w.t('broker.thanks'),
  ].join('\n');
  return { subject, body, missing };
}

export const certificateCommands = [
  defineCommand({
    path: ['insurance', 'policy', 'read'],
    summary: 'cmd.insurance.policy.read',
    permission: 'manage',
    args: {
      account: arg.account({ description: 'arg.account.description' }),
      file: arg.file({ description: 'arg.certificate-file', example: './acme-coi.pdf' }),
    },
    handler: async (ctx, args) => {
      const { bytes, name } = await fileOf(ctx, args.file, 'error.certificate.no-file');
      const r = await readCertificateFor(ctx.deps, ctx.scope, {
        account: args.account,
        bytes,
        fileName: name,
      });
      return readReply(r, name, ctx.words);
    },
  }),
  defineCommand({
    path: ['insurance', 'policy', 'confirm'],
    summary: 'cmd.insurance.policy.confirm',
    permission: 'manage',
    args: {
      draft: arg.text({ description: 'arg.draft', example: '3fa9c1', max: 12 }),
      uploaded: arg.date({ description: 'arg.uploaded', example: '2026-12-02', optional: true, keyed: true }),
    },
    handler: async (ctx, args) =>
      policyReply(
        await confirmDraft(ctx.deps, ctx.scope, { code: args.draft, uploadedOn: args.uploaded }),
        'added',
        ctx.words,
      ),
  }),
  defineCommand({
    path: ['insurance', 'policy', 'rejected'],
    summary: 'cmd.insurance.policy.rejected',
    permission: 'read',
    args: {
      account: arg.account({ description: 'arg.account.description' }),
      message: arg.text({ description: 'arg.rejection', exampleId: 'ex.rejection', max: 4000 }),
    },
    handler: async (ctx, args): Promise<Reply> => {
      const w = ctx.words;
      const { account, policy, reasons, rules, asks } = await decodeRejectionFor(ctx.deps, ctx.scope, {
        account: args.account,
        message: args.message,
      });
      if (reasons.length === 0)
        return {
          title: w.t('rejection.none.title', { account: account.name }),
          tone: 'info',
          lines: [w.t('rejection.none.help')],
        };
      return {
        title: w.t('rejection.title', { account: account.name, count: reasons.length }),
        tone: 'warn',
        sections: reasons.map((r) => ({
          heading: w.t(`rejection.${r.reason}.means`),
          lines: [w.t('rejection.quote', { quote: r.quote }), w.t(`rejection.${r.reason}.ask`, asks)],
        })),
        lines: [w.t('rejection.next', { account: account.name, policy: String(policy ?? 'none') })],
        citations: w.citations(rules),
      };
    },
  }),
  defineCommand({
    path: ['insurance', 'policy', 'broker-email'],
    summary: 'cmd.insurance.policy.broker-email',
    permission: 'read',
    args: { policy: arg.integer({ description: 'arg.policy', example: '3', aliases: ['id'], min: 1 }) },
    handler: async (ctx, args): Promise<Reply> => {
      const w = ctx.words;
      const judged = await showPolicy(ctx.deps, ctx.scope, args.policy);
      const email = brokerEmail(judged, w);
      return {
        title: w.t('broker.title', { policy: judged.policy.number, account: judged.account.name }),
        tone: email.missing ? 'warn' : 'ok',
        lines: [w.t('broker.summary', { missing: email.missing })],
        preformatted: `${w.t('broker.subject.label')}: ${email.subject}\n\n${email.body}`,
      };
    },
  }),
];
