// The English catalogue: every sentence a user reads, keyed by id, with ICU placeholders and plurals.
// Values come formatted for the locale (money, dates, months, lists); numbers stay numbers for
// plurals. Numbers that the rule table holds always arrive as placeholders, never typed here.
export const en = {
  // --- rule sentences (cited with [ID]; values come from the rule's row) -------------------------
  'rule.period.since': 'From {from}',
  'rule.period.until': 'Before {until}',
  'rule.period.between': 'From {from} until {until}',
  'rule.period.always': 'In force',
  'rule.threshold':
    '{period}: insurance is required once {market, select, EU {sales across {store}, counted together,} other {sales on {store}}} exceed {amount} in {months, plural, one {any one calendar month; every month of the account’s history counts} other {each of # consecutive months}}.',
  'rule.request': 'Insurance is required whenever Amazon asks for proof of it, whatever the sales.',
  'rule.deadline':
    'Insurance must be in force within {days} days of the trigger: the day sales first exceeded the threshold, or the day Amazon asked.',
  'rule.obligation-term':
    'Once required, insurance must be kept for the rest of the agreement’s term, whatever later months’ sales.',
  'rule.at-threshold':
    'The terms say sales must exceed the threshold, so a month exactly at it does not trigger the requirement{region, select, US {; Amazon’s 2021 email said "reach", so such an account is at risk} other {}}.',
  'rule.approaching':
    'coverwatch warns once a month’s sales reach {percent}% of the threshold (its own setting, not Amazon’s).',
  'rule.policy-term':
    'A policy covers from its effective date until its expiry date (usually one year); a renewal must be uploaded to Amazon again.',
  'rule.upload':
    'Proof of insurance must be uploaded to Amazon (the certificate, in Seller Central): holding a policy is not enough.',
  'rule.per-occurrence': 'The policy must carry at least {amount} per occurrence.',
  'rule.aggregate': 'The policy must carry at least {amount} in aggregate.',
  'rule.products-aggregate':
    'The policy must carry at least {amount} in products/completed operations aggregate.',
  'rule.deductible':
    '{amount, select, none {{period}: Amazon did not require a maximum deductible.} other {{period}: the deductible must be {amount} or less and stated on the certificate.}}',
  'rule.coverage':
    'The policy must be commercial general, umbrella or excess liability including products/completed operations, covering Amazon.com sales in the US.',
  'rule.basis': 'The policy must be written on an occurrence basis (claims-made only for exempt categories).',
  'rule.additional-insured':
    'The policy must name "{wording}" as additional insured — not merely as certificate holder.',
  'rule.insured-name': 'The named insured must match the legal entity of the seller account.',
  'rule.dba-exception': '{period}: a single-member LLC may be insured under its DBA.',
  'rule.insurer-rating': 'The insurer should be rated {grade} or better by AM Best or S&P.',
  'rule.cancellation-notice': 'The insurer should give Amazon {days} days’ notice of cancellation.',
  'rule.upload-validity':
    'A policy should remain valid at least {days} days after the day it is uploaded to Amazon.',
  'rule.az-start':
    'Amazon’s A-to-z Guarantee handles property-damage and personal-injury claims from {from}; earlier claims were settled between customer and seller.',
  'rule.claim-small':
    'For claims of {amount} or less, Amazon resolves the claim by a concession and does not seek reimbursement from a seller with proof of insurance on file.',
  'rule.claim-proof-window':
    'A seller required (or asked) to be insured with no proof on file has {days} days from Amazon’s notice of a small claim to provide it; otherwise Amazon expects reimbursement and may withhold funds.',
  'rule.claim-appeal': 'A seller charged for a claim can appeal within {days} days.',
  'rule.claim-large':
    'For larger claims the seller or its insurer must respond and resolve the claim; if the seller does not respond, Amazon may step in, pay and pursue the seller; if the seller rejects a claim Amazon deems valid, Amazon may pay and the seller can still defend.',
  'rule.claim-filing':
    'Customers file within {days} days of the incident; these concessions do not affect the order defect rate.',
  'rule.claim-max': 'Customers can claim up to {amount}.',
  citation:
    '[{id}] {sentence} — {sources} ({confidence, select, confirmed {confirmed} second_hand {second-hand, not confirmed by Amazon} other {coverwatch’s own setting}}{advisory, select, yes {, advisory} other {}}{conflicts, select, none {} other {; conflicting: {conflicts}}})',

  // --- names ----------------------------------------------------------------------------------------
  'marketplace.US': 'Amazon.com (United States)',
  'marketplace.CA': 'Amazon.ca (Canada)',
  'marketplace.MX': 'Amazon.com.mx (Mexico)',
  'marketplace.UK': 'Amazon.co.uk (United Kingdom)',
  'marketplace.EU': 'Amazon’s European stores (DE, FR, IT, ES, NL, BE)',
  'marketplace.JP': 'Amazon.co.jp (Japan)',
  'topic.per-occurrence': 'per-occurrence limit',
  'topic.aggregate': 'aggregate limit',
  'topic.products-aggregate': 'products/completed operations aggregate',
  'topic.deductible': 'deductible',
  'topic.coverage': 'coverage type (and products/completed operations)',
  'topic.basis': 'occurrence or claims-made basis',
  'topic.additional-insured': 'additional insured',
  'topic.insured-name': 'named insured',
  'topic.dba-exception': 'single-member LLC status',
  'topic.threshold': 'sales threshold',
  'topic.request': 'Amazon’s request for proof',
  'topic.deadline': 'deadline to be insured',
  'topic.obligation-term': 'obligation for the agreement’s term',
  'topic.at-threshold': 'sales exactly at the threshold',
  'topic.approaching': 'early warning before the threshold',
  'topic.policy-term': 'policy term',
  'topic.upload': 'proof uploaded to Amazon',
  'topic.insurer-rating': 'insurer rating',
  'topic.cancellation-notice': 'cancellation notice',
  'topic.upload-validity': 'validity after upload',
  'topic.az-start': 'A-to-z claims handling',
  'topic.claim-small': 'claims Amazon pays itself',
  'topic.claim-proof-window': 'proof window for claims',
  'topic.claim-appeal': 'appeal of a reimbursement',
  'topic.claim-large': 'claims the seller must answer',
  'topic.claim-filing': 'time to file a claim',
  'topic.claim-max': 'largest claim Amazon handles',
  'field.per-occurrence': 'Per-occurrence limit',
  'field.aggregate': 'Aggregate limit',
  'field.products-aggregate': 'Products/completed operations aggregate',
  'field.deductible': 'Deductible',

  // --- eligibility ----------------------------------------------------------------------------------
  'finding.eligibility.threshold-met':
    'Required: sales exceeded {limit} in {count, plural, one {{months}} other {# consecutive months ({months})}}; triggered on {on}.{basis, select, recorded { That is the first day your records showed the month over; Amazon counts from the day sales actually exceeded the threshold, which may be earlier.} month_end { The records show the month over only once it had closed, so the trigger is its last day; Amazon counts from the day sales actually exceeded the threshold, which may be earlier.} rule_start { This rule took effect on {on} and earlier months count, so the clock runs from then.} other { That is the first day your daily sales took the month over the threshold.}}',
  'finding.eligibility.request':
    'Required because Amazon asked for proof of insurance on {on}, whatever the sales{count, plural, one {} other { (requests: {dates})}}.',
  'finding.eligibility.no-request': 'Amazon has not asked for proof of insurance.',
  'finding.eligibility.obligation-continues':
    'Once required (since {since}), insurance stays required for the rest of the agreement’s term, whatever later months’ sales.',
  'finding.eligibility.not-required':
    'Not required: no month is over {limit}{count, plural, one {} other { in # consecutive months}} and Amazon has not asked for proof.',
  'finding.eligibility.no-rule':
    'Not required: no insurance threshold is in force for this marketplace on this day{starts, select, none {} other { (the rule starts on {starts})}}, and Amazon has not asked for proof.',
  'finding.eligibility.at-threshold':
    'At the threshold: {months} had exactly {limit} — not over it, but Amazon’s own words elsewhere say "reach", so treat this account as at risk.',
  'finding.eligibility.approaching':
    'Approaching: {month} is at {percent}% of the threshold; {headroom} more this month and insurance becomes required.{pace, select, none {} other { At this pace you cross {limit} around {pace}.}}',
  'finding.eligibility.pace-passed':
    'At the pace of the last figure (through {through}), the month passed {limit} around {pace}: record its total to date — insurance may already be required.',
  'finding.eligibility.streak':
    'Approaching: {streak, plural, =0 {no month yet} one {# month} other {# consecutive months}} over the threshold so far ({month} at {percent}%); insurance becomes required once {count} consecutive months are over.',
  'finding.eligibility.deadline':
    'Insurance must be in force by {deadline}: {daysLeft, plural, =0 {today is the last day} one {# day left} other {# days left}}.',
  'finding.eligibility.overdue':
    'Overdue: insurance was due by {deadline}, {daysAgo, plural, one {# day} other {# days}} ago.',
  'finding.eligibility.second-hand':
    'The rules for this marketplace are second-hand (brokers’ and sellers’ reports, not Amazon’s own terms): check them against your agreement.',
  'finding.eligibility.not-encoded':
    'Amazon’s {topics} for this marketplace are not encoded, so a policy here is checked only for its dates, insured name, insurer and the limits shown.',
  'finding.eligibility.eve':
    'Tomorrow ({date}) the rules change ({rules}).{effect, select, becomes_required { From then this account is required to be insured.} other { This answer stays the same.}}',

  // --- standing ---------------------------------------------------------------------------------------
  'finding.standing.proof-on-file':
    'Proof on file: policy #{policy} is in force until {expiresOn} and was uploaded to Amazon on {uploadedOn}.',
  'finding.standing.not-uploaded':
    'Insured but not uploaded: policy #{policy} is in force until {expiresOn}, but Amazon has no proof of it. Upload the certificate in Seller Central, then /insurance policy uploaded {policy}.',
  'finding.standing.unverified':
    'Policy #{policy} is unverified: {missing} never given, so Amazon may reject it. Add them with /insurance policy set {policy} …',
  'finding.standing.no-legal-name':
    'Policy #{policy} names "{insured}" as insured, but {legal, select, none {the account has no legal entity name to check it against} other {the account’s legal entity name "{legal}" is in another script, so the two cannot be compared}}: Amazon rejects a certificate whose insured is not the account’s legal entity.',
  'finding.standing.deficient':
    'Policy #{policy} is in force but does not satisfy Amazon, so it does not count; fix it {by, select, now {now} other {by {by}}}.',
  'finding.standing.lapsed': 'Not insured: the last policy expired on {lapsedOn}.',
  'finding.standing.none': 'No policy is on file.',
  'finding.standing.starts-later':
    'Policy #{policy} starts on {effectiveOn}{deadline, select, none {} other {, after the deadline {deadline}: the account is uninsured until then}}.',

  // --- claims ------------------------------------------------------------------------------------------
  'finding.claim.before-az':
    'The claim predates Amazon’s A-to-z handling of such claims (from {start}); it is settled between customer and seller.',
  'finding.claim.closed': 'The {amount} claim is closed.',
  'finding.claim.small':
    'Amazon resolves this {amount} claim by a concession to the customer (claims of {limit} or less); it does not affect your order defect rate.',
  'finding.claim.proof-at-notice':
    'Proof of insurance was on file when Amazon gave notice (policy #{policy}, uploaded {uploadedOn}), so Amazon does not seek reimbursement.',
  'finding.claim.proof-in-window':
    'Proof of insurance was provided on {uploadedOn} (policy #{policy}), by the deadline of {due}, so Amazon does not seek reimbursement.',
  'finding.claim.policy-after-claim':
    'Warning: policy #{policy} began on {effectiveOn}, after the claim ({claimOn}); Amazon may not accept it as covering this claim — ask your insurer.',
  'finding.claim.not-required':
    'The account was not required to be insured and Amazon had not asked, so the {days}-day proof window does not apply; Amazon’s terms do not say it will seek reimbursement.',
  'finding.claim.proof-due':
    'No proof of insurance is on file: upload it to Amazon by {due} ({daysLeft, plural, =0 {today is the last day} one {# day left} other {# days left}}), or Amazon will expect {amount} back.',
  'finding.claim.proof-late':
    'Proof of insurance was due by {due}{uploadedOn, select, never { and was not provided} other {; it was provided on {uploadedOn}, too late}}.',
  'finding.claim.reimbursement':
    'Amazon expects reimbursement of {amount} and may withhold funds; you can appeal within {days} days{appealBy, select, unknown { of its request} other {, by {appealBy}}}.',
  'finding.claim.large':
    'You or your insurer must respond to and resolve this {amount} claim (over {limit}).',
  'finding.claim.rejected':
    'You rejected this {amount} claim. If Amazon deems it valid it may pay the customer anyway; you can still defend your product against it.',
  'finding.claim.responded':
    'You or your insurer responded to this {amount} claim; resolve it with the customer through Amazon.',
  'finding.claim.respond-by':
    'Respond by {due} ({daysLeft, plural, =0 {today is the last day} one {# day left} other {# days left}}), as Amazon’s notice says.',
  'finding.claim.response-overdue':
    'The response was due by {due}, {daysAgo, plural, one {# day} other {# days}} ago.',
  'finding.claim.no-due':
    'Record the response deadline from Amazon’s notice to be reminded before it passes: /claim update {claim} due:YYYY-MM-DD.',
  // Shown after "If you do nothing:" (claim.if-nothing), so it does not repeat the condition.
  'finding.claim.if-nothing-large': 'Amazon may step in, pay the customer, and pursue you for the cost.',
  'finding.claim.late-notice':
    'Amazon’s notice came {days} days after the incident; customers are meant to file within {filingDays} days — ask Amazon whether the claim is in time.',
  'finding.claim.over-max': '{amount} is over the {max} customers can claim under the A-to-z Guarantee.',

  // --- policy requirements -------------------------------------------------------------------------
  'finding.policy.limit.missing': '{field} not given; it must be at least {minimum}.',
  'finding.policy.limit.currency': '{field} is in {currency}; it must be in {wanted}.',
  'finding.policy.limit.pass': '{field} {value} meets the {minimum} minimum.',
  'finding.policy.limit.fail': '{field} {value} is below the {minimum} minimum.',
  'finding.policy.deductible.relaxed':
    'No maximum deductible applied on this day (Amazon had relaxed the requirement).',
  'finding.policy.deductible.missing':
    'Deductible not given; the certificate must state it ({maximum} or less).',
  'finding.policy.deductible.pass': 'Deductible {value} is within {maximum}.',
  'finding.policy.deductible.fail': 'Deductible {value} is above {maximum}.',
  'finding.policy.coverage.form': 'The policy is not commercial general, umbrella or excess liability.',
  'finding.policy.coverage.products': 'The policy does not include products/completed operations coverage.',
  'finding.policy.coverage.marketplace': 'The policy does not cover sales on Amazon.com in the US.',
  'finding.policy.coverage.missing':
    '{what, select, form {Type of insurance (general, umbrella or excess liability) not given.} products {Whether it includes products/completed operations not given.} other {Type of insurance and products/completed operations not given.}}',
  'finding.policy.coverage.pass':
    '{form, select, general {General} umbrella {Umbrella} excess {Excess} other {Other}} liability including products/completed operations.',
  'finding.policy.basis.missing': 'Occurrence or claims-made not given; it must be occurrence.',
  'finding.policy.basis.pass': 'Written on an occurrence basis.',
  'finding.policy.basis.claims-made': 'Written claims-made; Amazon accepts that only for exempt categories.',
  'finding.policy.ai.holder-only':
    'Amazon is named only as certificate holder; it must be additional insured, worded "{wanted}".',
  'finding.policy.ai.missing': 'Additional insured not given; it must be "{wanted}".',
  'finding.policy.ai.pass': 'Additional insured is "{wanted}".',
  'finding.policy.ai.wording':
    'Additional insured "{got}" is not Amazon’s exact wording; it must be "{wanted}".',
  'finding.policy.ai.not-amazon': 'Additional insured "{got}" is not Amazon; it must be "{wanted}".',
  'finding.policy.insured.missing': 'Named insured not given.',
  'finding.policy.insured.no-legal-name':
    'Named insured is "{insured}", but the account has no legal entity name to compare with (set one with /insurance account set).',
  'finding.policy.insured.other-script':
    'Named insured "{insured}" and the account’s legal entity "{legal}" are in different scripts, so they cannot be compared: record the legal name exactly as Seller Central shows it (/insurance account set).',
  'finding.policy.insured.pass': 'Named insured matches the legal entity "{legal}".',
  'finding.policy.insured.dba-not-allowed':
    'Named insured matches the DBA "{dba}", but a DBA was not accepted on this day: it must be the legal entity.',
  'finding.policy.insured.dba-pass':
    'Named insured matches the DBA "{dba}" (allowed for a single-member LLC).',
  'finding.policy.insured.dba-entity-unknown':
    'Named insured matches the DBA "{dba}", which Amazon accepts only from a single-member LLC; set the account’s entity (entity:single-member-llc) to check it.',
  'finding.policy.insured.dba-entity':
    'Named insured matches the DBA "{dba}", but Amazon accepts a DBA only from a single-member LLC, and this account is {entity, select, llc {an LLC} corporation {a corporation} partnership {a partnership} sole_proprietor {a sole proprietor} other {another kind of entity}}.',
  'finding.policy.insured.mismatch':
    'Named insured "{insured}" does not match the account’s legal entity "{legal}".',
  'finding.policy.rating.missing': 'Insurer rating not given; {minimum} or better is expected.',
  'finding.policy.rating.unreadable': '"{rating}" is not an AM Best or S&P rating.',
  'finding.policy.rating.pass': 'Insurer rated {grade}.',
  'finding.policy.rating.fail': 'Insurer rated {grade}, below {minimum}.',
  'finding.policy.notice.missing': 'Notice of cancellation to Amazon not given; {minimum} days are expected.',
  'finding.policy.notice.pass': '{days} days’ notice of cancellation.',
  'finding.policy.notice.fail': 'Only {days} days’ notice of cancellation; {minimum} are expected.',
  'finding.policy.term.invalid': 'Expiry {expiresOn} is not after the effective date {effectiveOn}.',
  'finding.policy.term.not-yet': 'Not yet in force: coverage starts on {effectiveOn}.',
  'finding.policy.term.expired': 'Expired on {expiresOn}.',
  'finding.policy.term.pass':
    'In force from {effectiveOn} until {expiresOn} (expires in {days, plural, one {# day} other {# days}}).',
  'finding.policy.validity.not-uploaded': 'Not yet marked as uploaded to Amazon.',
  'finding.policy.validity.short':
    'Not yet uploaded, and {days, plural, =0 {it expires today} one {only # day is left} other {only # days are left}}: Amazon may refuse a certificate valid less than {minimum} days after upload, so upload the renewal’s certificate instead.',
  'finding.policy.validity.pass': 'Uploaded on {uploadedOn}, valid {days} days after that.',
  'finding.policy.validity.fail':
    'Uploaded on {uploadedOn} with only {days} days left; at least {minimum} are expected.',

  // --- /insurance check -------------------------------------------------------------------------------
  'status.not-required': 'Not required',
  'status.approaching': 'Not required yet — approaching the threshold',
  'status.at-threshold': 'Not required — at the threshold, at risk',
  'status.proof-on-file': 'Required — proof on file',
  'status.not-uploaded': 'Required — insured, but Amazon has no proof',
  'status.deadline-running': 'Required — insurance due',
  'status.overdue': 'Required — overdue',
  'check.heading': '{account} · {store} · as of {asOf}{zone, select, none {} other { in {zone}}}',
  'check.title.one': 'Insurance check: {account} — {status}',
  'check.title.many': 'Insurance check: {count} accounts, {required} required to be insured',
  'check.none.title': 'No seller accounts yet',
  'check.none.hint':
    'Add one with /insurance account add <name> <marketplace>, then record its monthly sales.',
  'check.field.status': 'Status',
  'check.field.required': 'Required',
  'check.field.deadline': 'Deadline',
  'check.field.policy': 'Policy',
  'check.field.proof': 'Proof on file with Amazon',
  'check.field.sales': 'Sales {month}',
  'check.field.owner': 'Owner',
  'check.required.yes': 'yes, since {on}',
  'check.required.no': 'no',
  'check.deadline.left':
    '{deadline} ({daysLeft, plural, =0 {today is the last day} one {# day left} other {# days left}})',
  'check.deadline.passed': '{deadline} (passed {daysAgo, plural, one {# day} other {# days}} ago)',
  'check.deadline.insured': '{deadline} (insured, proof on file)',
  'check.policy.renew':
    'Policy #{policy} expires {daysLeft, plural, =0 {today} one {tomorrow} other {in # days}} ({expiresOn}) and no renewal is on file: renew it, record it with /insurance policy add, and upload the new certificate to Amazon.',
  'check.policy.covered':
    '#{policy} {verdict, select, compliant {compliant} unverified {unverified} other {DEFICIENT}}, until {expiresOn}',
  'check.policy.lapsed': 'none in force (last expired {lapsedOn})',
  'check.policy.upcoming': '#{policy} starts {effectiveOn}',
  'check.policy.none': 'none on file',
  'check.proof.yes': 'yes, uploaded {uploadedOn}',
  'check.proof.no': 'no — upload the certificate in Seller Central',
  'check.proof.not-insured': 'no policy in force to prove',
  'check.proof.deficient': 'no valid proof: policy #{policy} does not satisfy Amazon',
  'check.sales.recorded': '{sales} — {percent}% of {limit}{over, select, yes {, over it} other {}}',
  'check.sales.through':
    '{sales} through {day} — {percent}% of {limit}{over, select, yes {, over it} other {}}',
  'check.sales.unrecorded': 'not recorded yet (threshold {limit})',
  'check.sales.no-rule': '{sales} (no threshold in force)',
  'check.failed-requirement': '❌ Policy #{policy}: {problem}',
  'check.next.buy':
    'Next: {renew, select, yes {renew the policy, or buy a new one,} other {buy a policy}}{wording, select, none {} other { naming "{wording}" as additional insured}} and record it with /insurance policy add {account} …, or check the broker’s certificate first with /insurance policy read {account} <file>.',
  'check.next.fix':
    'Next: ask the insurer for an endorsement or a corrected certificate; /insurance policy broker-email {policy} drafts the email.',
  'check.next.legal-name':
    'Next: give the account its legal entity name, exactly as Seller Central shows it: /insurance account set {account} legal:"…"',
  'check.next.upcoming':
    'Next: once policy #{policy} starts on {effectiveOn}, upload its certificate in Seller Central and run /insurance policy uploaded {policy}.',

  // --- policies ---------------------------------------------------------------------------------------
  'policy.title':
    '{action, select, added {Added} updated {Updated} uploaded {Marked uploaded} removed {Removed} other {Policy}}: policy #{policy} for {account} — {verdict, select, compliant {compliant} unverified {unverified} other {DEFICIENT}}{standing, select, proof_on_file {, proof on file} not_uploaded {, not uploaded to Amazon} other {{inForce, select, yes {} other {, not in force}}}}',
  'policy.same-as':
    'Policy #{other} has the same dates{number, select, yes { and number} other {}}. If this certificate replaces it, remove the old one with /insurance policy remove {other}; if it was added twice, /insurance policy remove {policy}.',
  'policy.field.insurer': 'Insurer',
  'policy.field.number': 'Policy number',
  'policy.field.coverage': 'Coverage',
  'policy.field.limits': 'Per occurrence / aggregate',
  'policy.field.products': 'Products/completed ops aggregate',
  'policy.field.deductible': 'Deductible',
  'policy.field.uploaded': 'Uploaded to Amazon',
  'policy.field.standing': 'Standing',
  'policy.uploaded.not-yet': 'not yet',
  'policy.standing.proof-on-file': 'proof on file: Amazon has this certificate',
  'policy.standing.not-uploaded':
    'in force, but Amazon has no proof: upload the certificate, then /insurance policy uploaded {policy}',
  'policy.standing.not-insured': 'gives no cover today',
  'policy.requirement': '{mark} {text}{advisory, select, yes { (advisory)} other {}}',
  'policy.removed.title': 'Removed policy #{policy} of {account}',

  // --- claims -----------------------------------------------------------------------------------------
  'claim.heading':
    '{claim} · {account} · {amount} {kind, select, personal_injury {personal injury} other {property damage}} · {status}',
  'claim.field.cost': 'Who bears the cost',
  'claim.field.deadline': 'Next deadline',
  'claim.field.notice': 'Notice',
  'claim.field.order': 'Order',
  'claim.field.updated': 'Last update',
  'claim.status':
    '{status, select, open {open} responded {responded} rejected {rejected} closed {closed} other {{status}}}',
  'claim.last-update': '{on}: {status}',
  'claim.last-update.note': '{on}: {status} — {note}',
  'claim.cost.amazon': 'Amazon (it does not seek reimbursement)',
  'claim.cost.amazon-not-stated': 'Amazon (its terms do not say it will seek reimbursement)',
  'claim.cost.you-unless-proof':
    'Amazon pays the customer; you repay {amount} unless proof is on file by {due}',
  'claim.cost.you':
    'you: Amazon paid the customer and expects {amount} back (may withhold funds; appeal within {days} days{appealBy, select, unknown {} other {, by {appealBy}}})',
  'claim.cost.you-or-insurer': 'you or your insurer',
  'claim.cost.customer-and-seller': 'settled between customer and seller',
  'claim.cost.settled': 'settled',
  'claim.deadline.upcoming':
    '{on}: {what, select, upload_proof {upload proof of insurance to Amazon} other {respond to the claim}} ({daysLeft, plural, =0 {today is the last day} one {# day left} other {# days left}})',
  'claim.deadline.passed':
    '{on}: {what, select, upload_proof {upload proof of insurance to Amazon} other {respond to the claim}} (passed {daysAgo, plural, one {# day} other {# days}} ago)',
  'claim.deadline.none': 'none recorded',
  'claim.if-nothing': 'If you do nothing: {what}',
  'claim.none.title': 'No open claims',
  'claim.none.hint': 'Record one with /claim open.',

  // --- alerts -------------------------------------------------------------------------------------------
  'alerts.problem.account':
    'No alerts were planned for {account} in the last sweep: {problem}. Its other records are unaffected; correct this one and the next sweep plans it again.',
  'alerts.problem.team':
    'No alerts could be planned for this team in the last sweep: {problem}. The next sweep tries again once the record is corrected.',
  'alert.problem': '❌ {problem}',
  'alert.threshold-approaching.title': '{account} is at {percent}% of the {limit} threshold in {month}',
  'alert.threshold-approaching.next': 'Next: get a quote now, so a policy can start in time.',
  'alert.threshold-exceeded.title': '{account} must now carry product liability insurance',
  'alert.threshold-exceeded.next':
    '{covered, select, yes {Policy #{policy} is in force: it counts once Amazon has its certificate, by {deadline}.} other {Next: buy a policy{wording, select, none {} other { naming "{wording}" as additional insured}}, then record it with /insurance policy add {account} …}}',
  'alert.proof-requested.title': 'Amazon asked {account} for proof of insurance on {requestedOn}',
  'alert.proof-requested.next':
    '{covered, select, yes {Policy #{policy} is in force: upload its certificate in Seller Central if you have not, then /insurance policy uploaded {policy}.} other {Insurance is required whatever the sales: it must be in force by {deadline}.}}',
  'alert.insurance-deadline.title':
    '{account}: insurance due {daysLeft, plural, =0 {today} one {tomorrow} other {in # days}} (by {deadline})',
  'alert.insurance-deadline.next':
    'Next: put a compliant policy in force and record it with /insurance policy add {account}.',
  'alert.insurance-overdue.title': '{account}: insurance overdue since {since}',
  'alert.insurance-overdue.next':
    'Next: Amazon may suspend selling privileges; put a compliant policy in force and record it with /insurance policy add {account}.',
  'alert.policy-not-uploaded.title':
    '{account}: Amazon has no proof of policy #{policy} (deadline {deadline})',
  'alert.policy-not-uploaded.next':
    'Next: upload the certificate in Seller Central, then /insurance policy uploaded {policy}.',
  'alert.policy-unverified.title': 'Policy #{policy} of {account} is missing details Amazon checks',
  'alert.policy-unverified.next':
    '{fix, select, account {Next: give the account its legal entity name, exactly as Seller Central shows it: /insurance account set {account} legal:"…"} other {Next: read the missing details off the certificate and add them with /insurance policy set {policy} …}}',
  'alert.policy-expiring.title':
    'Policy #{policy} of {account} expires {daysLeft, plural, =0 {today} one {tomorrow} other {in # days}} ({expiresOn})',
  'alert.policy-expiring.next':
    'Next: renew it, record the renewal with /insurance policy add, and upload the new certificate to Amazon.',
  'alert.policy-expired.title': 'Policy #{policy} of {account} expired on {expiresOn}',
  'alert.policy-expired.next':
    '{required, select, yes {The account is required to be insured and now has no policy in force.} other {No policy is in force now.}} Next: renew, record and upload it.',
  'alert.policy-deficient.title': 'Policy #{policy} of {account} does not satisfy Amazon',
  'alert.policy-deficient.next':
    'Next: ask the insurer for an endorsement or a corrected certificate, then /insurance policy show {policy}.',
  'alert.amazon-disconnected.title': '{account}: Amazon stopped sending sales',
  'alert.amazon-disconnected.next':
    'Amazon refused the refresh token (revoked or expired), so {account}’s daily sales no longer sync. Authorize the app again in Seller Central, then /insurance account connect {account} refresh:<token> at the terminal. Until then its answers use the sales already synced, imported or typed.',
  'alert.claim-due.title':
    'Claim {claim} ({account}): {what, select, upload_proof {upload proof of insurance to Amazon} other {respond to the claim}} {daysLeft, plural, =0 {today} one {tomorrow} other {in # days}} ({on})',
  'alert.claim-due.next':
    '{amount} {kind, select, personal_injury {personal injury} other {property damage}} claim, notice of {noticeOn}.',

  // --- the terminal ---------------------------------------------------------------------------------
  'shell.welcome':
    'coverwatch — type /insurance help, or /insurance check; Tab completes commands and account names. Ctrl-D to leave.',
  'shell.not-a-command': 'Commands start with /insurance or /claim — try /insurance help. (got "{got}")',
  'shell.alert': '📣 alert → {channel}',

  // --- errors -----------------------------------------------------------------------------------------
  'error.arg': '{name} {problem} (got "{got}")',
  'error.arg-bare': '{name} {problem}',
  'error.args': '{count} arguments need fixing',
  'error.unknown-command': 'Unknown command {typed}.',
  'error.did-you-mean': 'Did you mean {commands}?',
  'error.see-help': 'See /insurance help for every command.',
  'error.no-permission': 'You do not have permission for this',
  'error.busy.title': 'The database is busy — nothing was saved',
  'error.busy.hint': 'Please try the same command again in a moment.',
  'error.bad-row.title': 'A stored record is invalid',
  'error.bad-row.hint': 'Nothing was changed. An administrator should correct that row.',
  'error.unexpected.title': 'Something went wrong — nothing was saved',
  'error.unexpected.hint': 'Error id {id}; the details are in the bot’s log.',
  'error.rules.currency': 'Sales for {month} are in {got}, but this marketplace counts sales in {wanted}.',
  'error.rules.marketplace': 'There is no marketplace "{marketplace}".',
  'error.rules.claims-not-encoded':
    'A-to-z claim rules are encoded for Amazon.com in USD; this claim is in {currency} for {marketplace}.',
  'error.money.empty': '{arg}: "{text}" has no number in it',
  'error.money.not-amount': '{arg}: "{text}" is not an amount',
  'error.money.negative': '{arg}: "{text}" is negative; amounts must be zero or more',
  'error.money.other-currency': '{arg}: "{text}" is in {got}, but this account counts sales in {wanted}',
  'error.money.unknown-currency': '{arg}: "{currency}" is not a known currency',
  'error.money.ambiguous':
    '{arg}: "{text}" can be read two ways; write {whole} for the whole amount{decimals, select, none {} other {, or {decimals} with cents}}',
  'error.money.separators': '{arg}: "{text}" has misplaced thousands separators',
  'error.money.decimals': '{arg}: "{text}" has more than {decimals} decimals',
  'error.money.no-minor-unit': '{arg}: "{text}" has decimals, but {currency} has no minor unit',
  'error.money.too-large': '{arg}: "{text}" is implausibly large',
  'error.money.not-whole': '{arg}: not a whole number of minor units',
  'error.no-account': 'There is no account "{name}".',
  'error.known-accounts': 'Known accounts: {names}.',
  'error.no-accounts-yet': 'No accounts yet: add one with /insurance account add <name> <marketplace>.',
  'error.account-exists': 'An account named "{name}" already exists.',
  'error.nothing-to-change': 'Nothing to change.',
  'error.marketplace-fixed':
    '{name} already has sales, policies or claims recorded for {marketplace}; its marketplace cannot change.',
  'error.marketplace-fixed.hint': 'Each Amazon store is its own account: add one for the new store instead.',
  'error.month-not-started': '{month} has not started yet (today is {today} for {account}, in {zone}).',
  'error.day-not-come': '{day} has not come yet (today is {today} for {account}, in {zone}).',
  'error.amazon.not-configured':
    'Amazon is not set up on this coverwatch: its operator sets AMAZON_LWA_CLIENT_ID, AMAZON_LWA_CLIENT_SECRET and COVERWATCH_SECRET_KEY (see .env.example). Until then, type or import sales.',
  'error.amazon.token-refused':
    'refresh: Amazon refused this refresh token. Copy it again from Seller Central (Apps and Services → Develop Apps → your app → Authorize), whole, and try again.',
  'error.amazon.unavailable':
    'Amazon did not answer ({detail}); nothing was stored. Try again in a few minutes.',
  'error.amazon.not-connected': '{account} is not connected to Amazon.',
  'error.amazon.token-in-chat':
    'A refresh token is a password to your Amazon data: it is never taken from message text. Send /insurance account connect <account> without it and enter it in the private form that opens. Nothing was stored; if you sent it here, revoke it in Seller Central and authorize again.',
  'error.report.not-a-report':
    '{arg}: this is not a sales report coverwatch can read. Use a Seller Central Business Report by date (CSV) or a GET_SALES_AND_TRAFFIC_REPORT document (JSON).',
  'error.report.no-date-column':
    '{arg}: the CSV has no "{column}" column. Download the Business Report by date (Reports → Business Reports → Sales and Traffic by date).',
  'error.report.no-sales-column':
    '{arg}: the CSV has no "{column}" column. Download the Business Report by date (Reports → Business Reports → Sales and Traffic by date).',
  'error.report.bad-date':
    '{arg}: row {row}, column "{column}": "{got}" is not a date; the report writes dates like 11/15/2026.',
  'error.report.bad-amount':
    '{arg}: row {row}, column "{column}": "{got}" is not an amount; the report writes amounts like $1,234.56.',
  'error.report.other-currency':
    '{arg}: row {row}, column "{column}": "{got}" is not in {wanted}, the currency this account counts sales in.',
  'error.report.same-day-twice':
    '{arg}: row {row} has the day {day} again (first on row {first}); a report by date has each day once.',
  'error.report.empty': '{arg}: the report has no days in it.',
  'error.import.terminal-only':
    'In Slack, share the report file in a message, then use “Import sales report” on that message; in Discord, attach it to the command; at the terminal, give its path.',
  'error.import.unreadable':
    '{arg}: {reason, select, ENOENT {there is no file at {path}.} EISDIR {{path} is a folder: name a file in it.} EACCES {{path} cannot be read: no permission.} other {cannot read {path} ({reason}).}}',
  'error.import.too-big': '{arg}: {path} is {size} MB; a file handed to coverwatch may be at most {max} MB.',
  'error.future':
    '{arg}: {date} is in the future (today is {today} in {zone}, where the account’s days are counted).',
  'error.expiry-order': '{arg}: the expiry date must be after the effective date',
  'error.no-policy': 'There is no policy #{policy}.',
  'error.policy-removed-account': 'Policy #{policy} belongs to a removed account.',
  'error.claim-removed-account': 'Claim {claim} belongs to a removed account.',
  'error.no-claim': 'There is no claim "{claim}".',
  'error.open-claims': 'Open claims: {claims}.',
  'error.claims-us-only':
    'A-to-z claim rules are encoded for Amazon.com (US); {account} sells on {marketplace}.',
  'error.incident-after-notice': '{arg}: the incident cannot come after Amazon’s notice.',
  'error.due-before-notice': '{arg}: {due} is before Amazon’s notice of {notice}.',
  'error.claim-exists': 'Claim {claim} is already recorded.',
  'error.claim-closed': 'Claim {claim} is closed; reopen it with status:open first.',
  'error.charged-range':
    '{arg}: {charged} must be between Amazon’s notice ({notice}) and today ({today} in {zone}).',
  'reply.usage': 'Usage: {usage}',
  'reply.rules': 'Rules:',
  'reply.rules.title': 'Rules',
  'reply.more-sections':
    '{count, plural, one {# more} other {# more}} not shown here: ask about one at a time, e.g. /insurance check <account>.',
  'reply.example': 'Example: {example}',
  'refusal.slack':
    'Only workspace admins and owners, or members granted with /insurance access grant, can do this.',
  'refusal.discord':
    'Only members with Manage Server, or a role granted with /insurance access grant, can do this.',
  'refusal.shell': 'Only managers can do this.',
  'refusal.admin.slack': 'Only workspace admins and owners can grant or revoke access.',
  'refusal.admin.discord': 'Only members with Manage Server can grant or revoke access.',
  'refusal.admin.shell': 'Only managers can do this.',

  // --- argument problems (after the argument's name) ----------------------------------------------
  'arg.empty': 'is empty',
  'arg.invalid': 'is not valid',
  'arg.account': 'is not an account name (letters, digits, . _ -), e.g. {example}',
  'arg.month': 'is not a month; write YYYY-MM or last-month, e.g. {example}',
  'arg.period':
    'is not a month or a day; write YYYY-MM (or last-month), or YYYY-MM-DD (or today) for a total so far, e.g. {example}',
  'arg.date': 'is not a date; write YYYY-MM-DD, today or yesterday, e.g. {example}',
  'arg.money': 'is not an amount, e.g. {example}',
  'arg.money-long': 'is too long for an amount',
  'arg.account-long': 'is longer than the 40 characters an account name may have, e.g. {example}',
  'arg.money-spaced': 'is ambiguous: write it without spaces, e.g. 10,000 or 10000',
  'arg.text-long': 'is too long',
  'arg.integer': 'is not a number, e.g. {example}',
  'arg.range': 'must be from {min} to {max}',
  'arg.time-zone': 'is not a time zone; use an IANA name such as America/New_York',
  'arg.choice': 'is not one of {choices}',
  'arg.yesno': 'is not yes or no',
  'arg.user': 'is not a member; mention them, e.g. {example}',
  'arg.channel': 'is not a channel, e.g. {example}',
  'arg.subject': 'is not a member or role: mention them (type @ and pick from the list), e.g. {example}',
  'access.slack-group':
    'Slack user groups cannot be granted: Slack does not tell coverwatch who is in them. Grant each member instead.',
  'arg.claim': 'is not a claim id, e.g. {example}',
  'arg.missing': 'missing {name} ({description})',
  'arg.twice': '{name} is given twice',
  'arg.unexpected': 'unexpected "{got}"',
  'arg.unclosed-quote': 'a quote opened at "{got}" is never closed',

  // --- commands: what each does, and its arguments -----------------------------------------------
  'cmd.insurance.check':
    'Is each account required to be insured, since when, by what deadline, and is its policy compliant?',
  'cmd.insurance.request':
    'Amazon asked for proof of insurance: start the deadline’s clock whatever the sales.',
  'cmd.insurance.sales.record':
    'Record a month’s gross sales, or its total so far with a day (a new figure replaces the old one; both are kept).',
  'cmd.insurance.sales.list': 'List an account’s monthly figures, typed or summed from daily sales.',
  'cmd.insurance.sales.history': 'The last 12 months against the threshold, or every revision of one month.',
  'cmd.insurance.account.add': 'Add a seller account.',
  'cmd.insurance.account.list': 'List the seller accounts.',
  'cmd.insurance.account.set': 'Change an account’s details.',
  'cmd.insurance.account.remove': 'Remove an account (its history is kept).',
  'cmd.insurance.policy.add':
    'Record a certificate of insurance; every requirement is checked field by field.',
  'cmd.insurance.policy.set':
    'Change fields of a recorded policy (a corrected certificate, a limit that was missing).',
  'cmd.insurance.policy.list': 'List policies with their status.',
  'cmd.insurance.policy.show': 'Show a policy with every requirement judged.',
  'cmd.insurance.policy.uploaded': 'Mark a policy as uploaded to Amazon (default today).',
  'cmd.insurance.policy.read':
    'Check a certificate PDF (ACORD 25) before Amazon does; saved only if you confirm.',
  'cmd.insurance.policy.confirm': 'Save a checked certificate as the account’s policy.',
  'cmd.insurance.policy.rejected': 'Decode Amazon’s rejection of a certificate.',
  'cmd.insurance.policy.broker-email': 'Draft the email asking your broker for what Amazon wants.',
  'arg.certificate-file': 'The certificate PDF',
  'arg.draft': 'The code the check gave',
  'arg.rejection': 'Amazon’s message',
  'ex.rejection': 'Your insurance certificate was rejected: Amazon is only listed as certificate holder.',
  'error.certificate.no-file':
    'In Slack, share the certificate PDF in a message, then use “Check this certificate” on that message; in Discord, attach it to the command; at the terminal, give its path.',
  'error.certificate.too-large':
    '{file} is larger than {max} MB: a certificate is one or two pages. Ask the broker for the PDF they issued, not a scan of a printout.',
  'error.certificate.not-pdf': '{file} is not a PDF. Send the certificate as the PDF the broker issued.',
  'error.certificate.encrypted':
    '{file} is protected by a password, so it cannot be read (Amazon cannot read it either). Ask the broker for the certificate without a password.',
  'error.certificate.unreadable':
    '{file} could not be read as a certificate of insurance (ACORD 25). Check it is the certificate, or enter the policy with /insurance policy add {account} ….',
  'error.certificate.too-slow':
    '{file} took too long to read and was given up. Ask the broker for the PDF they issued, or enter the policy with /insurance policy add {account} ….',
  'error.certificate.no-text':
    '{file} has no text in it — it is a scan or a photo, so nothing can be read from it. Ask the broker for the PDF they issued (Amazon also prefers it), or enter the policy by hand: /insurance policy add {account} effective:… expires:… (see /insurance help policy add).',
  'error.draft.none':
    'There is no certificate check with the code {code}. Read the certificate again: /insurance policy read <account> <file>.',
  'error.draft.used': 'The certificate checked as {code} is already saved, as policy #{policy}.',
  'error.draft.expired':
    'The certificate check {code} is older than {days} days; read the certificate again to save it.',
  'certificate.read.title':
    'Certificate {file} for {account} — {verdict, select, compliant {Amazon should accept it} unverified {some requirements cannot be checked} deficient {Amazon would reject it} other {no coverage dates found}}',
  'certificate.section.says':
    'What the certificate says ({source, select, text {read from the printed page} other {read from its form fields}})',
  'certificate.section.checklist': 'Amazon’s requirements, for {account}',
  'certificate.found': '{label}: {value} — {at}',
  'certificate.not-found': '{label}: not found',
  'certificate.insurer': 'Insurer {letter}: {name} (NAIC {naic}) — {at}',
  'certificate.line':
    '{form, select, general {Commercial general liability} umbrella {Umbrella liability} other {Excess liability}} — insurer {letter} ({insurer})',
  'certificate.label.title': 'Form',
  'certificate.label.producer': 'Producer (broker)',
  'certificate.label.insured': 'Named insured',
  'certificate.label.description': 'Description of operations',
  'certificate.label.holder': 'Certificate holder',
  'certificate.label.cancellation': 'Cancellation',
  'certificate.label.number': 'Policy number',
  'certificate.label.effective': 'Effective',
  'certificate.label.expires': 'Expires',
  'certificate.label.basis': 'Basis',
  'certificate.label.each': 'Each occurrence',
  'certificate.label.aggregate': 'Aggregate',
  'certificate.label.products': 'Products/completed operations aggregate',
  'certificate.label.retention': 'Deductible or retention',
  'certificate.label.ai-mark': 'ADDL INSD marked',
  'certificate.basis': '{basis, select, occurrence {occurrence} other {claims-made}}',
  'certificate.yes': 'yes',
  'certificate.no': 'no',
  'certificate.not-bound':
    'This looks like a quote or proposal, not a bound certificate (“{words}”, {at}): Amazon only accepts proof of a policy in force.',
  'certificate.no-lines': 'No general liability or umbrella coverage was found on it.',
  'certificate.confirm.how':
    'Nothing is saved yet. To save it as the account’s policy: /insurance policy confirm {code} (add uploaded:{today} if you have uploaded it to Amazon).',
  'certificate.confirm.impossible':
    'It cannot be saved as a policy without its coverage dates; enter it with /insurance policy add {account} ….',
  'certificate.action.save': 'Save as policy',
  'certificate.action.save-uploaded': 'Save, uploaded to Amazon today',
  'rejection.title':
    'Amazon’s message about {account}’s certificate names {count, plural, one {# requirement} other {# requirements}}',
  'rejection.quote': 'Amazon said: “{quote}”',
  'rejection.next':
    'When the broker sends the new certificate, check it here before uploading: /insurance policy read {account} <file>. {policy, select, none {Once its policy is recorded, /insurance policy broker-email <policy> drafts the request.} other {/insurance policy broker-email {policy} drafts the request.}}',
  'rejection.none.title': 'No requirement recognised in that message for {account}',
  'rejection.none.help':
    'Paste Amazon’s message as it is (the part that says why). If it names none of Amazon’s insurance requirements, ask Seller Support which one failed.',
  'rejection.holder-only.means': 'Amazon is only the certificate holder, not an additional insured',
  'rejection.holder-only.ask':
    'Ask the broker to add {wording, select, none {Amazon} other {“{wording}”}} as additional insured by endorsement, and show it on the certificate (ADDL INSD marked and in the description of operations). Being certificate holder gives Amazon no cover.',
  'rejection.additional-insured.means': 'Amazon is not named as additional insured (or not in its wording)',
  'rejection.additional-insured.ask':
    'Ask the broker for an additional insured endorsement naming {wording, select, none {Amazon in the words Amazon gives for this store} other {exactly “{wording}”}}, shown on the certificate.',
  'rejection.basis.means': 'The policy is claims-made; Amazon wants occurrence',
  'rejection.basis.ask':
    'Ask the broker for a general liability policy written on an occurrence basis (the OCCUR box marked), not claims-made.',
  'rejection.limits.means': 'The limits are below Amazon’s minimum',
  'rejection.limits.ask':
    '{occurrence, select, none {Ask for the limits Amazon sets for this store} other {Ask for at least {occurrence} each occurrence and {aggregate} aggregate}} (products-completed operations included) on the general liability line.',
  'rejection.insured-name.means': 'The named insured does not match the seller account’s legal name',
  'rejection.insured-name.ask':
    'Ask the broker to name the insured exactly as the legal business name on the seller account (Seller Central › Settings › Account Info).',
  'rejection.not-bound.means': 'It is a quote or proposal, not proof of a policy in force',
  'rejection.not-bound.ask':
    'Bind the policy first, then ask the broker for the certificate of liability insurance (ACORD 25) of the bound policy.',
  'rejection.dates.means': 'The policy is not in force (expired, or not yet effective)',
  'rejection.dates.ask':
    'Ask for a certificate of the current policy term; if the policy lapsed, renew it first.',
  // Amazon rejects a deductible that is missing from the certificate as well as one that is too high.
  'rejection.deductible.means':
    'The deductible or retention is not shown on the certificate, or is above what Amazon allows',
  'rejection.deductible.ask':
    'Ask the broker to state the deductible or retention of the general liability line on the certificate, and to lower it if it is above what Amazon allows.',
  'rejection.insurer-rating.means': 'The insurer’s financial strength rating is too low',
  'rejection.insurer-rating.ask':
    'Ask the broker for an insurer with an A.M. Best rating Amazon accepts{grade, select, none {} other { ({grade} or better)}}.',
  'rejection.products.means': 'Products-completed operations coverage is missing',
  'rejection.products.ask':
    'Ask for commercial general liability that includes products-completed operations, with its aggregate shown.',
  'rejection.unreadable.means': 'Amazon could not read the document',
  'rejection.unreadable.ask': 'Upload the PDF the broker issued (not a photo or scan), without a password.',
  'broker.title': 'Email to the broker for policy #{policy} ({account})',
  'broker.summary':
    '{missing, plural, =0 {The certificate on file meets every requirement; the email asks for a renewal certificate in the same terms.} one {The current certificate misses # requirement, marked below.} other {The current certificate misses # requirements, marked below.}}',
  'broker.subject.label': 'Subject',
  'broker.subject':
    'Certificate of insurance for Amazon — {insured}{number, select, none {} other {, policy {number}}}',
  'broker.greeting': 'Hello,',
  'broker.intro':
    'Amazon requires the certificate of insurance for {insured}’s product liability policy{number, select, none {} other { {number}}}{insurer, select, none {} other { with {insurer}}} to show the following. Please issue a revised certificate, with the endorsements it needs:',
  'broker.now': '(Now: {finding})',
  'broker.ai':
    'Additional insured: “{wording}”, by endorsement on the general liability policy, with ADDL INSD marked and the wording in the description of operations.',
  'broker.limits':
    'Limits: at least {occurrence} each occurrence and {aggregate} general aggregate, products-completed operations aggregate at least {products}.',
  'broker.aggregate': 'General aggregate as above.',
  'broker.coverage':
    'Coverage: commercial general liability including products-completed operations, for products sold on Amazon.',
  'broker.basis': 'Basis: occurrence (the OCCUR box), not claims-made.',
  'broker.insured': 'Named insured: {legal}, exactly as the legal name of the Amazon seller account.',
  'broker.insured.unknown': 'Named insured: exactly the legal name of the Amazon seller account.',
  'broker.deductible': 'Deductible or retention: at most {maximum}.',
  'broker.notice': 'Cancellation: at least {days} days’ notice to the additional insured.',
  'broker.rating': 'Insurer: rated {grade} or better by A.M. Best.',
  'broker.holder':
    'Certificate holder: Amazon.com Services LLC may also be the certificate holder, but that alone is not enough — it must be additional insured.',
  'broker.bound': 'It must be a certificate of the bound policy, not a quote.',
  'broker.thanks': 'Thank you.',
  'cmd.insurance.policy.remove': 'Remove a policy recorded by mistake.',
  'cmd.insurance.settings':
    'The team’s settings; a manager can change its language (language:zh-CN, en or default).',
  'arg.language': 'The team’s language: en, zh-CN, or default (each member’s own)',
  'settings.title': 'Settings of this team',
  'settings.changed': 'Language changed',
  'settings.field.language': 'Language',
  'settings.field.time-zone': 'Time zone (alert hour)',
  'settings.field.alerts': 'Alerts',
  'settings.language': '{locale, select, zh_CN {简体中文 (zh-CN)} other {English (en)}}, for every member',
  'settings.language.default': 'each member’s own (Slack or Discord language), English otherwise',
  'settings.alerts': '{channel}, daily at {hour}',
  'settings.how':
    'Change the language with /insurance settings language:zh-CN (or en, or default); the time zone and alerts with /insurance alerts here.',
  'cmd.insurance.alerts.here': 'Post alerts in this channel (optionally at an hour, in a time zone).',
  'cmd.insurance.alerts.off': 'Stop posting alerts.',
  'cmd.insurance.alerts.status': 'Where alerts go, and how many are pending, failed and sent.',
  'cmd.insurance.alerts.test': 'Post a test alert to the alert channel.',
  'cmd.insurance.access.grant': 'Let a member or role manage coverwatch here.',
  'cmd.insurance.access.revoke': 'Take back a grant.',
  'cmd.insurance.access.list': 'Who has been granted manager rights.',
  'cmd.help': 'How to use coverwatch; or one command in detail.',
  'cmd.claim.open': 'Record an A-to-z property-damage or personal-injury claim from Amazon.',
  'cmd.claim.status': 'Open claims (or one claim): who bears the cost and the next deadline.',
  'cmd.claim.respond': 'Record that you or your insurer responded to a claim.',
  'cmd.claim.update': 'Change a claim’s status, response deadline, or the day Amazon charged you.',
  'cmd.claim.close': 'Close a resolved claim.',
  'group.account': 'Seller accounts: add, list, change, remove',
  'group.sales': 'Monthly sales: record, list, history against the threshold',
  'group.policy': 'Insurance certificates: add, change, list, show, mark uploaded, remove',
  'group.alerts': 'Where and when alerts are posted',
  'group.access': 'Who may manage coverwatch here',
  'arg.account.description': 'The seller account',
  'arg.account.one-or-all': 'One account (default: every account)',
  'arg.as-of': 'Answer for a past or future day',
  'arg.request-date': 'The day of Amazon’s request',
  'arg.request-note': 'What Amazon said',
  'arg.period.description':
    'The month (YYYY-MM) for its total, or a day (YYYY-MM-DD) for the month’s total so far',
  'arg.file.description': 'The report file (CSV or JSON): attached in Discord, its path at the terminal',
  'arg.sales-amount': 'Gross sales for the month so far',
  'arg.source': 'Where the figure comes from',
  'arg.history-month': 'One month’s revisions: who changed what, when',
  'arg.account-name': 'A short name for the account: one word, in any script (acme-us, 深圳店)',
  'arg.marketplace.default': 'Where it sells (default US)',
  'arg.marketplace': 'Where it sells',
  'arg.legal': 'Legal entity name, as on the certificate',
  'arg.dba': 'DBA (accepted on a certificate only from a single-member LLC)',
  'arg.owner': 'Who to mention in alerts',
  'arg.account-time-zone': 'The account’s time zone (IANA)',
  'arg.entity': 'Kind of legal entity (a DBA is accepted only from a single-member LLC)',
  'arg.account-to-change': 'The account to change',
  'arg.rename': 'A new name',
  'arg.account-to-remove': 'The account to remove',
  'arg.insurer': 'Insurer affording coverage',
  'arg.rating': 'Insurer’s AM Best or S&P rating',
  'arg.policy-number': 'Policy number',
  'arg.form': 'Type of insurance',
  'arg.products': 'Includes products/completed operations',
  'arg.covers-us': 'Covers sales on Amazon.com in the US',
  'arg.per-occurrence': 'Each occurrence limit',
  'arg.aggregate': 'General aggregate limit',
  'arg.products-aggregate': 'Products/completed operations aggregate',
  'arg.deductible': 'Deductible or retention, as stated on the certificate',
  'arg.basis': 'Occurrence or claims-made',
  'arg.additional-insured': 'Additional insured, exactly as worded',
  'arg.certificate-holder': 'Certificate holder',
  'arg.insured': 'Named insured',
  'arg.notice-days': 'Days’ notice of cancellation to Amazon',
  'arg.uploaded': 'The day it was uploaded to Amazon',
  'arg.effective': 'Policy effective date',
  'arg.expires': 'Policy expiration date',
  'arg.policy': 'The policy number shown by /insurance policy list',
  'arg.upload-date': 'The day it was uploaded',
  'arg.hour': 'Hour of day alerts go out (0-23)',
  'arg.team-time-zone':
    'The team’s time zone (IANA), for the alert hour; accounts count days in their store’s',
  'arg.who': 'A member (Slack, Discord) or a role (Discord)',
  'arg.help-command': 'A command to explain',
  'arg.claim.description': 'Amazon’s claim ID',
  'arg.note': 'What happened',
  'arg.due': 'Response deadline in Amazon’s notice',
  'arg.claim-amount': 'Amount claimed',
  'arg.notice': 'The day of Amazon’s notice',
  'arg.claim-kind': 'Property damage or personal injury',
  'arg.order': 'Amazon order ID',
  'arg.incident': 'The day of the incident',
  'arg.status': 'New status',
  'arg.charged': 'The day Amazon asked for reimbursement or withheld funds (starts the appeal window)',
  'ex.request-note': 'Performance notification about insurance',
  'ex.source': 'Seller Central payments report',
  'ex.legal': 'Acme Goods LLC',
  'ex.dba': 'Acme Kitchen',
  'ex.insurer': 'Hartford Fire Insurance Co.',
  'ex.note': 'Insurer has the file',

  // --- help -----------------------------------------------------------------------------------------
  'help.title': 'coverwatch commands',
  'help.line': '{usage} — {summary}',
  'help.line.manage': '{usage} — {summary} (managers)',
  'help.line.admin': '{usage} — {summary} (admins)',
  'help.details': 'Details: /insurance help <command>, e.g. /insurance help sales record',
  'help.details.claim': 'Details: /claim help <command>, e.g. /claim help open',
  'help.topic.check': 'Check',
  'help.topic.account': 'Seller accounts',
  'help.topic.sales': 'Sales',
  'help.topic.request': 'Amazon’s requests for proof',
  'help.topic.policy': 'Insurance policies',
  'help.topic.alerts': 'Alerts',
  'help.topic.settings': 'Settings',
  'help.topic.access': 'Who may manage',
  'help.topic.help': 'Help',
  'help.topic.claim': 'A-to-z claims',
  'help.private':
    'Add the word private to any command to see the answer alone, e.g. /insurance check private',
  'help.field.usage': 'Usage',
  'help.field.example': 'Example',
  'help.field.who': 'Who',
  'help.who.managers': 'managers (admins or granted members)',
  'help.who.everyone': 'every member',
  'help.who.admins': 'admins only (Slack workspace admins and owners, Discord Manage Server)',
  'help.arg': '{arg} — {description}{choices}, e.g. {example}',
  'help.arg.optional': '{arg} (optional) — {description}{choices}, e.g. {example}',
  'help.keyed': 'Give name:value arguments in any order; quote values with spaces.',
  'help.group': '{group} …',
  'help.group.about': '{group} … — {about}',
  'help.no-such-command': 'There is no command "{command}".',

  // --- command answers ------------------------------------------------------------------------------
  'request.recorded': 'Recorded Amazon’s request of {date} for {account}',
  'sales.not-recorded': 'not recorded',
  'sales.over': 'over',
  'sales.at-threshold': 'at threshold',
  'sales.recorded': 'Recorded {amount} for {account} in {month}',
  'chart.daily.title': '{account} — {month}, month to date',
  'chart.monthly.title': '{account} — the last 12 months',
  'chart.sales.daily': 'Ordered product sales so far ({currency})',
  'chart.sales.monthly': 'Sales ({currency})',
  'chart.threshold': 'Threshold {limit}',
  'chart.trigger': 'Over on {day}',
  /** The day axis's date format (d3-time-format). */
  'chart.day-format': '%b %d',
  'chart.deadline': 'Deadline {day}',
  'shell.chart': 'Chart: {path}',
  'sales.recorded.through': 'Recorded {amount} for {account}: {month} so far, through {day}',
  'sales.imported':
    'Imported {days, plural, one {# day} other {# days}} of sales for {account} ({from} to {to})',
  'sales.imported.counts': '{added} new, {changed} changed, {unchanged} already on record.',
  'sales.imported.figure':
    'Figure used: ordered product sales by day (the Business Report’s “Ordered Product Sales”; Amazon’s sales and traffic report calls it orderedProductSales), in the account’s time zone as Amazon reports it.',
  'cmd.insurance.account.connect':
    'Connect an account to Amazon’s Selling Partner API (its refresh token goes in a private form): its daily sales then sync by themselves.',
  'cmd.insurance.account.disconnect': 'Disconnect an account from Amazon (its synced sales stay).',
  'cmd.insurance.sales.sync': 'Sync connected accounts’ daily sales from Amazon now.',
  'arg.refresh-token': 'The account’s Login with Amazon refresh token (self-authorization)',
  'amazon.connected': 'Connected {account} to Amazon',
  'amazon.web.failed': 'The Amazon connection did not complete',
  'amazon.web.state':
    'This link is not one coverwatch made, or it was changed. Start again from /insurance account connect in your team.',
  'amazon.web.expired':
    'This link has expired (links last 15 minutes). Start again from /insurance account connect.',
  'amazon.web.account': 'The account this link was for no longer exists in your team.',
  'amazon.web.refused':
    'Amazon refused the authorization. Start again from /insurance account connect and confirm in Seller Central.',
  'amazon.web.unavailable': 'Amazon did not answer. Nothing was stored; start again in a few minutes.',
  'amazon.web.backfill':
    'You can close this page. The last two years of daily sales are being fetched (about a minute); /insurance sales sync shows what arrived.',
  'amazon.link.title': 'Connect {account} to Amazon',
  'amazon.link.open':
    'Open this link, sign in to Seller Central as the account’s owner and confirm (it works for 15 minutes, for {account} only): {url}',
  'amazon.link.none':
    'This coverwatch connects accounts by self-authorization: in Slack or Discord, /insurance account connect {account} opens a private form for the refresh token; at the terminal, add refresh:<token> (see the user guide).',
  'amazon.disconnected': 'Disconnected {account} from Amazon',
  'amazon.disconnected.kept': 'Its synced sales stay on record; the refresh token is deleted.',
  'amazon.backfilling':
    'The last two years of {account}’s daily sales are being fetched (about a minute); /insurance sales sync shows what arrived.',
  'amazon.figure':
    'Figure used: ordered product sales by day (Amazon’s totalSales in getOrderMetrics), in the store’s time zone.',
  'amazon.sync.done':
    '{account}: {days, plural, one {# day} other {# days}} from {from} to {to}: {added} new, {changed} changed.',
  'amazon.sync.revoked':
    '{account}: Amazon refused the refresh token (revoked or expired). Authorize again in Seller Central, then /insurance account connect {account}.',
  'amazon.sync.unavailable':
    '{account}: Amazon did not answer ({detail}); {days} days arrived before that. The next sync tries again.',
  'amazon.sync.title':
    '{count, plural, one {Synced # account} other {Synced # accounts}}{failed, plural, =0 {} other { (# with a problem)}}',
  'amazon.sync.none': 'No account of this team is connected to Amazon',
  'amazon.sync.how': 'Connect one in the terminal: /insurance account connect <account> refresh:<token>.',
  'cmd.insurance.sales.import':
    'Import daily sales from a Seller Central Business Report by date (CSV) or a sales and traffic report (JSON): the trigger day becomes exact.',
  'sales.recorded.replaced': 'Recorded {amount} for {account} in {month} (was {previous})',
  'sales.recorded.same': 'Recorded {amount} for {account} in {month} again (unchanged: was {previous})',
  'sales.none.title': 'No sales recorded for {account}',
  'sales.list.title': 'Sales of {account}',
  'sales.list.more': 'Showing the latest {shown} of {count} months.',
  'sales.col.month': 'month',
  'sales.col.amount': 'gross sales',
  'sales.col.revision-amount': 'amount',
  'sales.col.recorded-on': 'recorded on',
  'sales.col.by': 'by',
  'sales.col.source': 'source',
  'sales.col.replaced': 'replaced',
  'sales.revisions.title': '{account} {month}: {count, plural, one {# revision} other {# revisions}}',
  'sales.source.daily': 'sum of {days, plural, one {# day} other {# days}} ({source})',
  'sales.revisions.daily':
    'Daily sales: {total} over {days, plural, one {# day} other {# days}}, through {through} ({source}).',
  'sales.revisions.current':
    '{daily, select, yes {The figure the rules use is the daily total.} other {The figure the rules use is {amount}, typed on {recordedOn}.}}',
  'sales.history.title': '{account}: last 12 months against the {limit} threshold',
  'sales.history.over':
    '{count, plural, =0 {No month over the threshold.} one {# month over the threshold.} other {# months over the threshold.}}',
  'sales.history.legend': '| marks the threshold.',
  'account.added': 'Added {name} ({store})',
  'account.added.next': 'Record its monthly sales: /insurance sales record {name} <YYYY-MM> <amount>',
  'account.added.legal':
    'Add its legal entity name so policies can be checked: /insurance account set {name} legal:"…"',
  'account.list.title': '{count, plural, one {# seller account} other {# seller accounts}}',
  'account.col.account': 'account',
  'account.col.marketplace': 'marketplace',
  'account.col.legal': 'legal entity',
  'account.col.owner': 'owner',
  'account.updated': 'Updated {name}',
  'account.field.marketplace': 'Marketplace',
  'account.field.legal': 'Legal entity',
  'account.field.dba': 'DBA',
  'account.field.entity': 'Entity',
  'account.field.owner': 'Owner',
  'account.field.time-zone': 'Time zone',
  'account.store-time-zone': '{zone} (the store’s, as Amazon counts its days)',
  'account.removed': 'Removed {name}',
  'account.removed.hint': 'Its records are kept in the audit history; the name can be reused.',
  'policy.none.title': 'No policies on file',
  'policy.none.help': 'See /insurance help policy add.',
  'policy.list.title': '{count, plural, one {# policy} other {# policies}} on file',
  'policy.col.account': 'account',
  'policy.col.coverage': 'coverage',
  'policy.col.verdict': 'verdict',
  'policy.col.uploaded': 'uploaded',
  'policy.col.standing': 'standing',
  'policy.coverage': '{from} → {to}',
  'policy.coverage.not-in-force': '{from} → {to} (not in force)',
  'policy.uploaded.no': 'no',
  'verdict.compliant': 'compliant',
  'verdict.unverified': 'unverified',
  'verdict.deficient': 'deficient',
  'standing.proof-on-file': 'proof on file',
  'standing.not-uploaded': 'not uploaded',
  'standing.not-insured': 'no cover',
  'alerts.here.no-channel': 'Run this in the channel that should receive alerts.',
  'alerts.here.cannot-post': 'I cannot post in this channel',
  'alerts.here.title': 'Alerts will be posted in this channel',
  'alerts.here.when': 'Daily from {hour} {zone}. Try it: /insurance alerts test',
  'alerts.off.title': 'Alerts are off',
  'alerts.off.hint': 'Turn them on again with /insurance alerts here.',
  'alerts.status.on': 'Alerts are on',
  'alerts.status.off': 'Alerts are off',
  'alerts.field.channel': 'Channel',
  'alerts.field.sent-at': 'Sent at',
  'alerts.field.pending': 'Pending',
  'alerts.field.failed': 'Failed',
  'alerts.field.sent': 'Sent',
  'alerts.field.last-checked': 'Last checked for alerts',
  'alerts.field.last-sent': 'Last alert posted',
  'alerts.channel.none': 'none (use /insurance alerts here)',
  'alerts.sweep.never': 'never',
  'alerts.failed-line':
    'Failed after {attempts, plural, one {# attempt} other {# attempts}}: {key} — {error}',
  'alerts.unknown-error': 'unknown error',
  'alerts.channel-problem':
    'Alerts cannot be posted in {channel} since {since}: {reason}. Add the bot to the channel, or run /insurance alerts here in a channel it can post in. Until then alerts wait, and are tried again once a day.',
  'alerts.refused.not-in-channel': 'the bot is not in that channel, or cannot see it',
  'alerts.refused.no-permission': 'the bot may not post there',
  'alerts.refused.no-channel': 'the channel no longer exists',
  'alerts.refused.archived': 'the channel is archived',
  'alerts.refused.removed': 'the app was removed',
  'alerts.section': 'Alerts',
  'alerts.test.refused': 'Could not post the test alert',
  'alerts.test.refused.why': 'In {channel}: {reason}.',
  'alerts.test.token-refused':
    '{platform, select, discord {Discord} other {Slack}} no longer accepts coverwatch’s bot token (it was reset or revoked), so nothing can be posted, here or in any channel. Tell whoever runs coverwatch: it needs a new token. Your alerts wait meanwhile; none are lost.',
  'alerts.test.refused.hint':
    'Add the bot to the channel (or let it post there), or run /insurance alerts here in a channel it can post in.',
  'alerts.test.no-channel': 'No alert channel yet',
  'alerts.test.no-channel.hint': 'Run /insurance alerts here in the channel that should receive alerts.',
  'alerts.test.alert': 'Test alert from coverwatch',
  'alerts.test.alert.body': 'Alerts about thresholds, deadlines, policies and claims will appear here.',
  'alerts.test.posted': 'Test alert posted',
  'access.role': 'role {id}',
  'access.granted': '{name} can now manage coverwatch',
  'access.already': '{name} could already manage coverwatch',
  'access.revoked': 'Grant removed',
  'access.no-grant': 'There was no such grant',
  'access.list.title': '{count, plural, one {# grant} other {# grants}}',
  'access.list.none': 'No grants: only admins can manage',
  'access.list.line': '{name} — granted by {by} on {on}',
  'claim.recorded': 'Recorded claim {claim}',
  'claim.one': 'Claim {claim}',
  'claim.open-count': '{count, plural, =0 {No open claims} one {# open claim} other {# open claims}}',
  'claim.responded': 'Claim {claim} marked responded',
  'claim.updated': 'Claim {claim} updated',
  'claim.closed': 'Claim {claim} closed',
  // --- Slack ------------------------------------------------------------------------------------
  'slack.install.failed.title': 'coverwatch was not installed',
  'slack.install.cancelled': 'The installation was cancelled, so nothing changed in your workspace.',
  'slack.install.refused':
    'Slack did not complete the installation ({code}). Nothing changed in your workspace.',
  'slack.install.again': 'Install coverwatch again',
  'slack.channel-ready': 'coverwatch will post insurance alerts in this channel.',
  'slack.cannot-post.not_in_channel':
    'I am not in this channel. Invite me with /invite @coverwatch, then run /insurance alerts here again.',
  'slack.cannot-post.channel_not_found':
    'I cannot see this channel (private channels need an invite). Invite me with /invite @coverwatch, then run /insurance alerts here again.',
  'slack.cannot-post.is_archived': 'This channel is archived; choose another channel.',
  'slack.refused': 'Slack refused to post here ({code}).',
  'slack.unavailable': 'Something went wrong on our side; nothing was saved. Please try again.',
  'slack.working': 'Working on it…',
  'modal.policy.title': 'Add insurance policy',
  'modal.policy.submit': 'Check and save',
  'modal.cancel': 'Cancel',
  'home.title': 'coverwatch: your accounts and claims',
  'home.footer': 'Updated whenever your team records something. Commands: /insurance help',
  'home.more': 'More than fits here: use /insurance check and /claim status.',
  'modal.policy.account': 'Seller account',
  'modal.request.title': 'Record proof request',
  'modal.import.title': 'Import sales report',
  'modal.connect.title': 'Connect to Amazon',
  'modal.rejected.title': 'Decode rejection',
  'modal.rejected.submit': 'Decode',
  'modal.rejected.account': 'Which seller account was rejected?',
  'modal.certificate.title': 'Check certificate',
  'modal.certificate.submit': 'Check',
  'modal.certificate.account': 'Which seller account is this certificate for?',
  'slack.certificate.no-file':
    'There is no file in this message. Share the certificate PDF in a message (in a channel where coverwatch is, or a DM to it), then use “Check this certificate” on that message.',
  'modal.connect.submit': 'Connect',
  'modal.connect.account': 'Which seller account?',
  'discord.form.missing':
    'The form came back without “{label}”: nothing was stored. Send the command again and fill it in.',
  'modal.connect.refresh': 'Login with Amazon refresh token (Atzr|…)',
  'modal.import.submit': 'Import',
  'modal.import.account': 'Which seller account is this report for?',
  'slack.import.no-file':
    'This message has no file. Share the Business Report (CSV) or sales and traffic report (JSON) in a message, then use “Import sales report” on it.',
  'modal.request.submit': 'Record',
  'modal.request.account': 'Which seller account did Amazon ask about?',
  'modal.hint': 'e.g. {example}',
  // --- Discord ----------------------------------------------------------------------------------
  'discord.root.insurance':
    'Amazon product liability insurance: who must be insured, by when, and whether the policy passes',
  'discord.root.claim': 'A-to-z property damage and personal injury claims: who pays and what is due when',
  'discord.channel-ready': 'coverwatch will post insurance alerts in this channel.',
  'discord.cannot-post':
    'I cannot post in this channel: give me View Channel and Send Messages here, then run /insurance alerts here again.',
  'discord.refused': 'Discord refused to post here ({code}).',
  'discord.guild-only':
    'coverwatch works inside a server: add it to your team’s server and use /insurance there.',
  'discord.outdated': 'This command is out of date; ask an admin to run `coverwatch discord register`.',
  'discord.failed': 'Something went wrong — nothing was saved. Please try again.',
  'discord.option.private': 'Only you see the answer',
} as const;

export type MessageId = keyof typeof en;
