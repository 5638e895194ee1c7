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
    '{period}: insurance is required once sales on {store} exceed {amount} in {months, plural, one {any one calendar month; every month of the account’s history counts} other {each of # consecutive months}}.',
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
  'marketplace.EU': 'Amazon’s European stores (DE, FR, IT, ES, NL, BE), sales counted across them',
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
    'Approaching: {month} is at {percent}% of the threshold; {headroom} more this month and insurance becomes required.',
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
    'Proof of insurance was provided on {uploadedOn} (policy #{policy}), within the window that closed on {due}, so Amazon does not seek reimbursement.',
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
    'Record the response deadline from Amazon’s notice to be reminded before it passes: /claim update <claim> due:YYYY-MM-DD.',
  'finding.claim.if-nothing-large':
    'If you do not respond, Amazon may step in, pay the customer, and pursue you for the cost.',
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
  'finding.policy.coverage.missing': 'Coverage type or products/completed operations not given.',
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
  'check.heading': '{account} · {store} · as of {asOf}',
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
  'check.policy.covered':
    '#{policy} {verdict, select, compliant {compliant} unverified {unverified} other {DEFICIENT}}, until {expiresOn}',
  'check.policy.lapsed': 'none in force (last expired {lapsedOn})',
  'check.policy.upcoming': '#{policy} starts {effectiveOn}',
  'check.policy.none': 'none on file',
  'check.proof.yes': 'yes, uploaded {uploadedOn}',
  'check.proof.no': 'no — upload the certificate in Seller Central',
  'check.proof.not-insured': 'no policy in force to prove',
  'check.sales.recorded': '{sales} — {percent}% of {limit}',
  'check.sales.unrecorded': 'not recorded yet (threshold {limit})',
  'check.sales.no-rule': '{sales} (no threshold in force)',
  'check.failed-requirement': '❌ Policy #{policy}: {problem}',

  // --- policies ---------------------------------------------------------------------------------------
  'policy.title':
    '{action, select, added {Added} updated {Updated} uploaded {Marked uploaded} removed {Removed} other {Policy}}: policy #{policy} for {account} — {verdict, select, compliant {compliant} unverified {unverified} other {DEFICIENT}}{standing, select, proof_on_file {, proof on file} not_uploaded {, not uploaded to Amazon} other {{inForce, select, yes {} other {, not in force}}}}',
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
    'Next: buy a policy{wording, select, none {} other { naming "{wording}" as additional insured}}, then record it with /insurance policy add {account} …',
  'alert.proof-requested.title': 'Amazon asked {account} for proof of insurance on {requestedOn}',
  'alert.proof-requested.next':
    '{covered, select, yes {A policy is in force: upload its certificate in Seller Central if you have not, then /insurance policy uploaded <#>.} other {Insurance is required whatever the sales: it must be in force by {deadline}.}}',
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
    'Next: read the missing details off the certificate and add them with /insurance policy set {policy} …',
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
  'alert.claim-due.title':
    'Claim {claim} ({account}): {what, select, upload_proof {upload proof of insurance to Amazon} other {respond to the claim}} {daysLeft, plural, =0 {today} one {tomorrow} other {in # days}} ({on})',
  'alert.claim-due.next':
    '{amount} {kind, select, personal_injury {personal injury} other {property damage}} claim, notice of {noticeOn}.',
} as const;

export type MessageId = keyof typeof en;
