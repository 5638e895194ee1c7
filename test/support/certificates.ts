// Certificates of insurance for tests, made with pdf-lib on ACORD 25's layout (Letter, its boxes and
// labels where the form prints them): fillable ones carry ACORD's field names, flattened ones have
// the values printed into the page, a scanned one is a picture, an encrypted one needs a password.
import { Resvg } from '@resvg/resvg-js';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';

export interface CertificateSpec {
  readonly title?: string;
  readonly producer: string;
  readonly insured: string;
  readonly insurers: readonly { letter: string; name: string; naic: string }[];
  readonly general?: CoverageSpec & { products: string };
  readonly umbrella?: CoverageSpec & { kind: 'umbrella' | 'excess'; retention?: string };
  readonly description: string;
  readonly holder: readonly string[];
}

interface CoverageSpec {
  readonly letter: string;
  readonly number: string;
  /** MM/DD/YYYY, as the form prints it. */
  readonly effective: string;
  readonly expires: string;
  readonly basis: 'occurrence' | 'claims-made';
  readonly each: string;
  readonly aggregate: string;
  readonly ai: boolean;
}

export const AMAZON_AI = 'Amazon.com Services LLC and its affiliates and assignees';

/** A certificate Amazon accepts for "Acme Goods LLC". */
export const COMPLIANT: CertificateSpec = {
  producer: 'Harbor Risk Partners',
  insured: 'Acme Goods LLC',
  insurers: [{ letter: 'A', name: 'Hartford Fire Insurance Company', naic: '19682' }],
  general: {
    letter: 'A',
    number: 'GL-7734021',
    effective: '01/15/2026',
    expires: '01/15/2027',
    basis: 'occurrence',
    each: '1,000,000',
    aggregate: '2,000,000',
    products: '2,000,000',
    ai: true,
  },
  description: `${AMAZON_AI} are named as additional insured with respect to products sold on Amazon. Deductible: $2,500 per occurrence. 30 days notice of cancellation.`,
  holder: ['Amazon.com Services LLC', '410 Terry Ave N', 'Seattle, WA 98109'],
};

const CANCELLATION = [
  'SHOULD ANY OF THE ABOVE DESCRIBED POLICIES BE CANCELLED BEFORE',
  'THE EXPIRATION DATE THEREOF, NOTICE WILL BE DELIVERED IN',
  'ACCORDANCE WITH THE POLICY PROVISIONS.',
];

type Put = (name: string, value: string, x: number, y: number, width?: number) => void;
type Tick = (name: string, on: boolean, x: number, y: number) => void;

/** Draws ACORD 25's labels; `put` and `tick` place the values (printed or as form fields). */
function layout(
  label: (t: string, x: number, y: number, size?: number) => void,
  spec: CertificateSpec,
  put: Put,
  tick: Tick,
) {
  label(spec.title ?? 'CERTIFICATE OF LIABILITY INSURANCE', 170, 750, 12);
  label('DATE (MM/DD/YYYY)', 500, 752);
  put('Form_CompletionDate_A', '12/01/2026', 505, 740, 60);
  label('PRODUCER', 36, 690);
  put('Producer_FullName_A', spec.producer, 36, 678, 250);
  label('INSURER(S) AFFORDING COVERAGE', 330, 650);
  label('NAIC #', 540, 650);
  const letters = 'ABCDEF';
  for (let i = 0; i < 6; i++) {
    const y = 638 - i * 11;
    label(`INSURER ${letters[i]} :`, 310, y);
    const insurer = spec.insurers.find((x) => x.letter === letters[i]);
    put(`Insurer_FullName_${letters[i]}`, insurer?.name ?? '', 360, y, 170);
    put(`Insurer_NAICCode_${letters[i]}`, insurer?.naic ?? '', 540, y, 40);
  }
  label('INSURED', 36, 630);
  put('NamedInsured_FullName_A', spec.insured, 36, 618, 250);
  label('COVERAGES', 36, 560);
  const headers: [string, number][] = [
    ['INSR LTR', 36],
    ['TYPE OF INSURANCE', 62],
    ['ADDL INSD', 190],
    ['SUBR WVD', 212],
    ['POLICY NUMBER', 236],
    ['POLICY EFF (MM/DD/YYYY)', 320],
    ['POLICY EXP (MM/DD/YYYY)', 372],
    ['LIMITS', 430],
  ];
  for (const [t, x] of headers) label(t, x, 540);

  // Commercial general liability.
  const g = spec.general;
  tick('GeneralLiability_CoverageIndicator_A', g !== undefined, 62, 520);
  label('COMMERCIAL GENERAL LIABILITY', 72, 520);
  put('GeneralLiability_InsurerLetterCode_A', g?.letter ?? '', 40, 520, 14);
  put('CertificateOfInsurance_GeneralLiability_AdditionalInsuredCode_A', g?.ai ? 'Y' : '', 194, 520, 12);
  put('Policy_GeneralLiability_PolicyNumberIdentifier_A', g?.number ?? '', 236, 520, 80);
  put('Policy_GeneralLiability_EffectiveDate_A', g?.effective ?? '', 320, 520, 48);
  put('Policy_GeneralLiability_ExpirationDate_A', g?.expires ?? '', 372, 520, 48);
  const limit = (name: string, field: string, value: string | undefined, y: number) => {
    label(name, 430, y);
    label('$', 520, y);
    put(field, value ?? '', 528, y, 56);
  };
  limit('EACH OCCURRENCE', 'GeneralLiability_EachOccurrence_LimitAmount_A', g?.each, 520);
  tick('GeneralLiability_ClaimsMadeIndicator_A', g?.basis === 'claims-made', 72, 509);
  label('CLAIMS-MADE', 82, 509);
  tick('GeneralLiability_OccurrenceIndicator_A', g?.basis === 'occurrence', 130, 509);
  label('OCCUR', 140, 509);
  limit(
    'DAMAGE TO RENTED PREMISES',
    'GeneralLiability_FireDamageRentedPremises_EachOccurrenceLimitAmount_A',
    g ? '100,000' : '',
    509,
  );
  limit(
    'MED EXP (Any one person)',
    'GeneralLiability_MedicalExpense_EachPersonLimitAmount_A',
    g ? '5,000' : '',
    498,
  );
  limit('PERSONAL & ADV INJURY', 'GeneralLiability_PersonalAndAdvertisingInjury_LimitAmount_A', g?.each, 487);
  label("GEN'L AGGREGATE LIMIT APPLIES PER:", 62, 476);
  limit('GENERAL AGGREGATE', 'GeneralLiability_GeneralAggregate_LimitAmount_A', g?.aggregate, 476);
  limit(
    'PRODUCTS - COMP/OP AGG',
    'GeneralLiability_ProductsAndCompletedOperations_AggregateLimitAmount_A',
    g?.products,
    465,
  );

  label('AUTOMOBILE LIABILITY', 72, 440);
  label('COMBINED SINGLE LIMIT', 430, 440);

  // Umbrella or excess liability.
  const u = spec.umbrella;
  tick('ExcessUmbrella_UmbrellaIndicator_A', u?.kind === 'umbrella', 62, 400);
  label('UMBRELLA LIAB', 72, 400);
  tick('ExcessUmbrella_OccurrenceIndicator_A', u?.basis === 'occurrence', 140, 400);
  label('OCCUR', 150, 400);
  put('ExcessUmbrella_InsurerLetterCode_A', u?.letter ?? '', 40, 400, 14);
  put('CertificateOfInsurance_ExcessLiability_AdditionalInsuredCode_A', u?.ai ? 'Y' : '', 194, 400, 12);
  put('Policy_ExcessLiability_PolicyNumberIdentifier_A', u?.number ?? '', 236, 400, 80);
  put('Policy_ExcessLiability_EffectiveDate_A', u?.effective ?? '', 320, 400, 48);
  put('Policy_ExcessLiability_ExpirationDate_A', u?.expires ?? '', 372, 400, 48);
  label('EACH OCCURRENCE', 430, 400);
  label('$', 520, 400);
  put('ExcessUmbrella_Umbrella_EachOccurrenceAmount_A', u?.each ?? '', 528, 400, 56);
  tick('ExcessUmbrella_ExcessIndicator_A', u?.kind === 'excess', 62, 389);
  label('EXCESS LIAB', 72, 389);
  tick('ExcessUmbrella_ClaimsMadeIndicator_A', u?.basis === 'claims-made', 140, 389);
  label('CLAIMS-MADE', 150, 389);
  label('AGGREGATE', 430, 389);
  label('$', 520, 389);
  put('ExcessUmbrella_Umbrella_AggregateAmount_A', u?.aggregate ?? '', 528, 389, 56);
  label('DED', 72, 378);
  label('RETENTION $', 110, 378);
  put('ExcessUmbrella_Umbrella_DeductibleOrRetentionAmount_A', u?.retention ?? '', 160, 378, 60);

  label('WORKERS COMPENSATION AND EMPLOYERS’ LIABILITY'.replace('’', "'"), 72, 350);

  label('DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES', 36, 300);
  label('(ACORD 101, Additional Remarks Schedule, may be attached if more space is required)', 36, 291);
  // Long remarks wrap onto lines of about 110 characters, as a broker's system prints them.
  const words = spec.description.split(' ');
  const wrapped: string[] = [];
  for (const w of words) {
    const last = wrapped.at(-1);
    if (last !== undefined && `${last} ${w}`.length <= 110) wrapped[wrapped.length - 1] = `${last} ${w}`;
    else wrapped.push(w);
  }
  put('CertificateOfLiabilityInsurance_ACORDForm_RemarkText_A', wrapped.join('\n'), 36, 278, 540);

  label('CERTIFICATE HOLDER', 36, 200);
  label('CANCELLATION', 310, 200);
  put('CertificateHolder_FullName_A', spec.holder[0] ?? '', 36, 186, 250);
  spec.holder.slice(1).forEach((l, i) => {
    put(`CertificateHolder_MailingAddress_Line${i + 1}_A`, l, 36, 175 - i * 11, 250);
  });
  CANCELLATION.forEach((l, i) => {
    label(l, 310, 186 - i * 10);
  });
  label('AUTHORIZED REPRESENTATIVE', 310, 120);
  label('ACORD 25 (2016/03)', 36, 40);
}

export type CertificateStyle = 'fillable' | 'flattened';

/** A one-page certificate: its values as ACORD's form fields (fillable) or printed (flattened). */
export async function certificatePdf(spec: CertificateSpec, style: CertificateStyle): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const label = (t: string, x: number, y: number, size = 6) => page.drawText(t, { x, y, size, font: bold });
  const form = doc.getForm();
  const prefix = 'F[0].P1[0].';
  const put: Put =
    style === 'flattened'
      ? (_name, value, x, y) => {
          value.split('\n').forEach((l, i) => {
            if (l) page.drawText(l, { x, y: y - i * 10, size: 8, font });
          });
        }
      : (name, value, x, y, width = 100) => {
          const field = form.createTextField(`${prefix}${name}[0]`);
          if (value.includes('\n')) field.enableMultiline();
          field.setText(value || undefined);
          const lines = value.split('\n').length;
          field.addToPage(page, {
            x,
            y: y - 2 - (lines - 1) * 10,
            width,
            height: 10 * lines,
            font,
            borderWidth: 0,
          });
        };
  const tick: Tick =
    style === 'flattened'
      ? (_name, on, x, y) => {
          if (on) page.drawText('X', { x, y, size: 8, font });
        }
      : (name, on, x, y) => {
          const box = form.createCheckBox(`${prefix}${name}[0]`);
          box.addToPage(page, { x, y: y - 1, width: 7, height: 7, borderWidth: 0.5 });
          if (on) box.check();
        };
  layout(label, spec, put, tick);
  return doc.save();
}

/** A scanned certificate: one page that is a picture of text, with no text layer. */
export async function scannedPdf(): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="612" height="792"><rect width="612" height="792" fill="white"/><text x="60" y="60" font-size="16">CERTIFICATE OF LIABILITY INSURANCE</text><text x="60" y="120" font-size="10">INSURED Acme Goods LLC</text></svg>`;
  const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const image = await doc.embedPng(png);
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 });
  return doc.save();
}

/** A PDF protected by a password nobody gave us (the standard security handler, revision 2). */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await certificatePdf(COMPLIANT, 'flattened'));
  const hex = (byte: string) => PDFHexString.of(byte.repeat(32));
  const encrypt = doc.context.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, Length: 40, P: -44 });
  encrypt.set(PDFName.of('O'), hex('ab'));
  encrypt.set(PDFName.of('U'), hex('cd'));
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([
    PDFHexString.of('0123456789abcdef0123456789abcdef'),
    PDFHexString.of('0123456789abcdef0123456789abcdef'),
  ]);
  return doc.save({ useObjectStreams: false });
}

/** A variation of the compliant certificate. */
export function variant(change: (spec: CertificateSpec) => Partial<CertificateSpec>): CertificateSpec {
  return { ...COMPLIANT, ...change(COMPLIANT) };
}
