// A flattened ACORD 25 (the fields printed into the page) read from its text layer: the printed
// labels are found by their words and the values by where they sit — below a box's label, in a
// coverage row under a column's header, or beside a limit's label after its "$". The layout is
// ACORD's, so the same geometry holds for every broker's system that prints the form.
import type { PdfTextItem } from './pdf.ts';
import {
  amountMinor,
  type CertificateReading,
  type CoverageLine,
  formDate,
  type Insurer,
  type Located,
  NOT_BOUND,
} from './reading.ts';

interface Line {
  readonly page: number;
  readonly y: number;
  /** Left to right. */
  readonly items: readonly PdfTextItem[];
}

/** Items on one baseline, within this many points, are one line. */
const SAME_LINE = 2.5;
/** The page's middle: ACORD 25's left boxes (producer, insured, holder) end here. */
const MIDDLE = 300;

function linesOf(items: readonly PdfTextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
  const lines: { page: number; y: number; items: PdfTextItem[] }[] = [];
  for (const it of sorted) {
    const last = lines.at(-1);
    if (last && last.page === it.page && Math.abs(last.y - it.y) <= SAME_LINE) last.items.push(it);
    else lines.push({ page: it.page, y: it.y, items: [it] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const joined = (items: readonly PdfTextItem[]) => clean(items.map((i) => i.str).join(' '));

export function readText(items: readonly PdfTextItem[]): CertificateReading {
  const page1 = items.filter((i) => i.page === 1);
  const lines = linesOf(page1);
  const label = (pattern: RegExp, from = 0): { line: Line; item: PdfTextItem } | undefined => {
    for (const line of lines)
      for (const item of line.items)
        if (item.x >= from && pattern.test(clean(item.str))) return { line, item };
    return undefined;
  };
  const at = (what: string, page = 1) => `page ${page}, ${what}`;

  /** Text lines below a label, in a column, down to (not including) `untilY`. */
  const below = (
    l: { line: Line; item: PdfTextItem } | undefined,
    xFrom: number,
    xTo: number,
    untilY: number,
  ) => {
    if (!l) return [];
    return lines
      .filter((ln) => ln.y < l.line.y - SAME_LINE && ln.y > untilY + SAME_LINE)
      .map((ln) => joined(ln.items.filter((i) => i.x >= xFrom && i.x < xTo)))
      .filter(Boolean);
  };
  const yOf = (l: { line: Line } | undefined, fallback: number) => l?.line.y ?? fallback;

  const title = label(/CERTIFICATE OF .*INSURANCE|INSURANCE (QUOTE|PROPOSAL)|QUOTE|PROPOSAL/i);
  const producerLabel = label(/^PRODUCER$/);
  const insuredLabel = label(/^INSURED$/);
  const coveragesLabel = label(/^COVERAGES$/);
  const descriptionLabel = label(/^DESCRIPTION OF OPERATIONS/);
  const holderLabel = label(/^CERTIFICATE HOLDER$/);
  const cancellationLabel = label(/^CANCELLATION$/, MIDDLE);
  const signatureLabel = label(/^AUTHORIZED REPRESENTATIVE$/);

  const firstBelow = (l: typeof producerLabel, xFrom: number, xTo: number, untilY: number, name: string) => {
    const [value] = below(l, xFrom, xTo, untilY);
    return value ? { value, at: at(`below “${name}”`) } : undefined;
  };
  const producer = firstBelow(producerLabel, 0, MIDDLE, yOf(insuredLabel, 0), 'PRODUCER');
  const insured = firstBelow(insuredLabel, 0, MIDDLE, yOf(coveragesLabel, 0), 'INSURED');

  // The insurers' box: "INSURER A :" then the name, the NAIC number at the right.
  const insurers: Insurer[] = [];
  const naicHeader = label(/^NAIC ?#?$/);
  for (const line of lines) {
    const tag = line.items.find((i) => /^INSURER ([A-F])\s*:?$/.test(clean(i.str)));
    if (!tag) continue;
    const letter = /^INSURER ([A-F])/.exec(clean(tag.str))![1]!;
    const right = line.items.filter((i) => i.x > tag.x + 1);
    const naicX = naicHeader ? naicHeader.item.x - 10 : Number.POSITIVE_INFINITY;
    const name = joined(right.filter((i) => i.x < naicX && !/^\d{5}$/.test(clean(i.str))));
    const naic = right.find((i) => /^\d{5}$/.test(clean(i.str)));
    if (name)
      insurers.push({
        letter,
        name: { value: name, at: at(`beside “INSURER ${letter}”`) },
        ...(naic ? { naic: { value: clean(naic.str), at: at(`“NAIC #” column, insurer ${letter}`) } } : {}),
      });
  }

  // The coverage table: columns from their headers, rows from their type's label.
  const header = (p: RegExp) => label(p)?.item.x;
  const columns = [
    ['letter', header(/^INSR( LTR)?$/)],
    ['type', header(/^TYPE OF INSURANCE$/)],
    ['ai', header(/^ADDL( INSD)?$/)],
    ['subr', header(/^SUBR( WVD)?$/)],
    ['number', header(/^POLICY NUMBER$/)],
    ['effective', header(/^POLICY EFF/)],
    ['expires', header(/^POLICY EXP/)],
    ['limits', header(/^LIMITS$/)],
  ]
    .filter((c): c is [string, number] => c[1] !== undefined)
    .sort((a, b) => a[1] - b[1]);
  const columnOf = (item: PdfTextItem) => {
    let found: string | undefined;
    for (const [name, x] of columns) if (item.x + 4 >= x) found = name;
    return found;
  };

  const rowLabels = [
    ['general', label(/^COMMERCIAL GENERAL LIABILITY$/)],
    ['auto', label(/^AUTOMOBILE LIABILITY$/)],
    ['umbrella', label(/^UMBRELLA LIAB$/)],
    ['workers', label(/^WORKERS COMPENSATION/)],
  ] as const;
  const bottom = yOf(descriptionLabel, 0);
  const band = (kind: 'general' | 'umbrella'): Line[] => {
    const start = rowLabels.find(([k]) => k === kind)?.[1];
    if (!start) return [];
    const next = rowLabels
      .map(([, l]) => l?.line.y)
      .filter((y): y is number => y !== undefined && y < start.line.y - SAME_LINE)
      .reduce((a, b) => Math.max(a, b), bottom);
    return lines.filter((l) => l.y <= start.line.y + SAME_LINE && l.y > next + SAME_LINE);
  };

  const markedLeftOf = (rows: Line[], word: RegExp): Located<true> | undefined => {
    for (const line of rows) {
      const target = line.items.find((i) => word.test(clean(i.str)));
      if (!target) continue;
      const mark = line.items.find(
        (i) => /^[Xx✓✔]$/.test(clean(i.str)) && i.x < target.x && i.x >= target.x - 18,
      );
      if (mark) return { value: true, at: at(`mark beside “${clean(target.str)}”`) };
    }
    return undefined;
  };

  const readLine = (kind: 'general' | 'umbrella', rowName: string): CoverageLine | undefined => {
    const rows = band(kind);
    if (rows.length === 0) return undefined;
    const first = rows[0]!;
    const cell = (col: string) => joined(first.items.filter((i) => columnOf(i) === col));
    const where = (col: string) => at(`${rowName} row, “${col}” column`);
    const limits: Record<string, Located<number>> = {};
    let retention: Located<number> | undefined;
    for (const line of rows) {
      const inLimits = line.items.filter((i) => columnOf(i) === 'limits');
      const dollar = inLimits.findIndex((i) => clean(i.str).startsWith('$'));
      if (dollar > 0) {
        const name = joined(inLimits.slice(0, dollar));
        const value = amountMinor(joined(inLimits.slice(dollar)).replace(/^\$\s*/, ''));
        if (value !== undefined) limits[name.toUpperCase()] = { value, at: at(`beside “${name}”`) };
      }
      // The umbrella's retention sits in the type column: "DED  X RETENTION $ 10,000".
      const ret = line.items.findIndex((i) => /RETENTION/.test(clean(i.str)));
      if (ret >= 0) {
        const after = line.items
          .slice(ret + 1)
          .filter((i) => columnOf(i) === 'type' || columnOf(i) === 'letter');
        const value = amountMinor(joined(after).replace(/^\$\s*/, ''));
        if (value !== undefined) retention = { value, at: at('beside “RETENTION $”') };
      }
    }
    const limit = (p: RegExp) => Object.entries(limits).find(([name]) => p.test(name))?.[1];
    const occurrence = markedLeftOf(rows, /^OCCUR$/);
    const claimsMade = markedLeftOf(rows, /^CLAIMS-MADE$/);
    const basis = claimsMade
      ? { value: 'claims-made' as const, at: claimsMade.at }
      : occurrence
        ? { value: 'occurrence' as const, at: occurrence.at }
        : undefined;
    const text = (col: string): Located<string> | undefined => {
      const v = cell(col);
      return v
        ? { value: v, at: where(col === 'number' ? 'POLICY NUMBER' : col === 'letter' ? 'INSR LTR' : col) }
        : undefined;
    };
    const date = (col: string, name: string) => {
      const v = formDate(cell(col));
      return v ? { value: v, at: where(name) } : undefined;
    };
    const ai = cell('ai');
    const form: CoverageLine['form'] =
      kind === 'general' ? 'general' : markedLeftOf(rows, /^EXCESS LIAB$/) ? 'excess' : 'umbrella';
    return {
      form,
      insurer: text('letter'),
      policyNumber: text('number'),
      effective: date('effective', 'POLICY EFF'),
      expires: date('expires', 'POLICY EXP'),
      basis,
      eachOccurrence: limit(/^EACH OCCURRENCE/),
      aggregate: limit(/^(GENERAL )?AGGREGATE/),
      productsAggregate: limit(/^PRODUCTS/),
      retention: retention ?? limit(/DEDUCTIBLE|RETENTION/),
      // The column printed with nothing in this row: not marked.
      ...(columns.some(([name]) => name === 'ai')
        ? { additionalInsured: { value: /^[YX✓✔]$/i.test(ai), at: where('ADDL INSD') } }
        : {}),
    };
  };

  const coverage = [
    readLine('general', 'COMMERCIAL GENERAL LIABILITY'),
    readLine('umbrella', 'UMBRELLA LIAB'),
  ].filter(
    (l): l is CoverageLine =>
      l !== undefined && (l.policyNumber !== undefined || l.eachOccurrence !== undefined),
  );

  const holderBottom = yOf(signatureLabel, 0) - 200;
  const description = below(descriptionLabel, 0, 612, yOf(holderLabel, 0))
    .filter((t) => !/^\(ACORD 101/.test(t))
    .join(' ');
  const holder = firstBelow(holderLabel, 0, MIDDLE, holderBottom, 'CERTIFICATE HOLDER');
  const cancellation = below(cancellationLabel, MIDDLE, 612, yOf(signatureLabel, 0)).join(' ');
  const titleText = title ? clean(title.item.str) : undefined;
  const topText = lines
    .filter((l) => l.y > (producerLabel?.line.y ?? 680))
    .map((l) => joined(l.items))
    .join(' ');
  const notBoundMatch = NOT_BOUND.exec(topText) ?? NOT_BOUND.exec(description);
  return {
    source: 'text',
    ...(titleText ? { title: { value: titleText, at: at('title') } } : {}),
    ...(notBoundMatch
      ? {
          notBound: {
            value: notBoundMatch[0],
            at: at(NOT_BOUND.test(topText) ? 'title' : 'below “DESCRIPTION OF OPERATIONS”'),
          },
        }
      : {}),
    producer,
    insured,
    insurers,
    lines: coverage,
    ...(description
      ? { description: { value: description, at: at('below “DESCRIPTION OF OPERATIONS”') } }
      : {}),
    holder,
    ...(cancellation ? { cancellation: { value: cancellation, at: at('below “CANCELLATION”') } } : {}),
  };
}
