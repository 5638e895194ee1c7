// Opens a PDF the member handed over — only after the checks that cost nothing (size, the %PDF
// signature) — in a worker thread with a memory limit and a deadline, and returns what pdf.js saw:
// its form fields and its positioned text. Anything pdf.js cannot read becomes a CertificateError
// that says what to do instead.
import { Worker } from 'node:worker_threads';

/** A fillable form's field, as pdf.js reports it. */
export interface PdfField {
  readonly name: string;
  readonly type: string;
  readonly value: string | boolean | null;
  readonly exportValues?: string | null;
}

/** A run of text on a page, at its baseline's start (PDF points, origin bottom left). */
export interface PdfTextItem {
  readonly page: number;
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PdfContent {
  readonly pages: number;
  readonly fields: readonly PdfField[];
  readonly items: readonly PdfTextItem[];
}

export type CertificateProblem =
  | 'too-large'
  | 'not-pdf'
  | 'encrypted'
  | 'unreadable'
  | 'too-slow'
  | 'no-text';

export class CertificateError extends Error {
  constructor(
    readonly problem: CertificateProblem,
    message: string,
  ) {
    super(message);
    this.name = 'CertificateError';
  }
}

export interface PdfLimits {
  /** A one-page certificate is 50–500 KB, a broker's scan a few MB (the same 5 MB as every file handed over). */
  readonly maxBytes: number;
  readonly timeoutMs: number;
  /** The worker's heap: a PDF that needs more is refused, not allowed to grow the bot. */
  readonly maxHeapMb: number;
}

export const PDF_LIMITS: PdfLimits = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxHeapMb: 256 };

const WORKER = new URL('./pdf-worker.mjs', import.meta.url);

/** True when the bytes start like a PDF (the header may follow a little junk, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export async function readPdf(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfContent> {
  if (bytes.length > limits.maxBytes)
    throw new CertificateError(
      'too-large',
      `${bytes.length} bytes is over the ${limits.maxBytes}-byte limit`,
    );
  if (!looksLikePdf(bytes)) throw new CertificateError('not-pdf', 'the file does not start with %PDF-');
  const worker = new Worker(WORKER, {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    // The worker needs nothing from this process's environment (no secrets in its reach).
    env: {},
    stdout: true,
    stderr: true,
  });
  try {
    const answer = await new Promise<
      | { ok: true; pages: number; fields: PdfField[]; items: PdfTextItem[] }
      | { ok: false; name: string; message: string }
    >((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new CertificateError('too-slow', `not read within ${limits.timeoutMs / 1000} s`)),
        limits.timeoutMs,
      );
      worker.once('message', (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(new CertificateError('unreadable', err.message));
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new CertificateError('unreadable', `the reader stopped (exit ${code})`));
      });
      const copy = new Uint8Array(bytes);
      worker.postMessage({ bytes: copy }, [copy.buffer]);
    });
    if (!answer.ok) {
      if (answer.name === 'PasswordException') throw new CertificateError('encrypted', answer.message);
      throw new CertificateError('unreadable', answer.message);
    }
    return { pages: answer.pages, fields: answer.fields, items: answer.items };
  } finally {
    await worker.terminate();
  }
}
