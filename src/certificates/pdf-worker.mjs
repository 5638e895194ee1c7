// Reads a PDF with pdf.js (unpdf's serverless build) in a worker thread, so that a hostile or
// broken file costs this thread, not the bot: the parent gives it a memory limit and a deadline
// and terminates it. No network while parsing: fetch is gone before pdf.js loads. Plain JavaScript
// so the same file runs from the sources, the build and under the test runner.
import { parentPort } from 'node:worker_threads';

Object.defineProperty(globalThis, 'fetch', {
  value: () => Promise.reject(new Error('no network while reading a PDF')),
});

/** Pages read for text: an ACORD 25 is one page, its continuation (ACORD 101) a second. */
const MAX_PAGES = 3;

parentPort.once('message', async ({ bytes }) => {
  try {
    const { getDocumentProxy } = await import('unpdf');
    const doc = await getDocumentProxy(bytes, {
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    });
    const fields = [];
    const objects = (await doc.getFieldObjects()) ?? {};
    for (const [name, list] of Object.entries(objects))
      for (const f of list)
        if (f.type && f.type !== '')
          fields.push({
            name,
            type: f.type,
            value: f.value ?? null,
            exportValues: f.exportValues ?? null,
            page: f.page,
          });
    const items = [];
    const pages = Math.min(doc.numPages, MAX_PAGES);
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const it of content.items)
        if (typeof it.str === 'string' && it.str.trim())
          items.push({
            page: n,
            str: it.str,
            x: it.transform[4],
            y: it.transform[5],
            w: it.width,
            h: it.height,
          });
    }
    parentPort.postMessage({ ok: true, pages: doc.numPages, fields, items });
    await doc.destroy();
  } catch (err) {
    const name = err && typeof err === 'object' && 'name' in err ? String(err.name) : 'Error';
    parentPort.postMessage({ ok: false, name, message: String(err?.message ?? err) });
  }
});
