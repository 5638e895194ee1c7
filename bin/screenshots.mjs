#!/usr/bin/env node
// npm run screenshots: the pictures in docs/user-guide.md of the certificate check, the rejection
// decoder and the broker's email — each command run at the terminal against a scratch database and
// a certificate made like the test corpus, its answer drawn as a terminal window (SVG -> PNG, with
// the DejaVu Sans Mono font from node_modules; no browser, no network).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const { Resvg } = await import('@resvg/resvg-js');
const { openStore } = await import('../src/store/db.ts');
const { harness } = await import('../test/support/harness.ts');
const { renderText } = await import('../adapters/shell/render.ts');
const { certificatePdf, variant } = await import('../test/support/certificates.ts');

const require = createRequire(import.meta.url);
const fonts = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const scratch = mkdtempSync(join(tmpdir(), 'coverwatch-screenshots-'));
const out = new URL('../docs/images/', import.meta.url);

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Terminal text -> a PNG of a dark terminal window, long lines wrapped at `columns`. */
function terminalPng(command, raw, columns = 110) {
  // The font has no colour emoji: the answer's marks drawn as the terminal's own symbols.
  const marks = { '✅': '✓', '❌': '✗', '❔': '?', '🚨': '‼', '⚠️': '!', ℹ️: 'i', '📜': '' };
  const text = raw.replace(/✅|❌|❔|🚨|⚠️|ℹ️|📜/g, (m) => marks[m]);
  const lines = [`$ ${command}`];
  for (const line of text.split('\n'))
    for (let rest = line; ; rest = `    ${rest.slice(columns)}`) {
      lines.push(rest.slice(0, columns));
      if (rest.length <= columns) break;
    }
  const lh = 17;
  const width = Math.ceil(columns * 8.45) + 40;
  const height = lines.length * lh + 40;
  const body = lines
    .map((l, i) => {
      const colour =
        i === 0
          ? '#8ae234'
          : /^\s*(✗|‼)/.test(l)
            ? '#ef2929'
            : /^\s*✓/.test(l)
              ? '#8ae234'
              : /^\s*(\?|!)/.test(l)
                ? '#fce94f'
                : '#eeeeec';
      return `<text x="20" y="${28 + i * lh}" fill="${colour}" xml:space="preserve">${escapeXml(l)}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" rx="8" fill="#2e3436"/><g font-family="DejaVu Sans Mono" font-size="14">${body}</g></svg>`;
  return new Resvg(svg, {
    font: {
      fontFiles: [join(fonts, 'DejaVuSansMono.ttf'), join(fonts, 'DejaVuSans.ttf')],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans Mono',
    },
  })
    .render()
    .asPng();
}

try {
  const store = await openStore(join(scratch, 'screenshots.sqlite'));
  const h = harness(store, '2026-12-02T18:00:00.000Z');
  const ctx = await h.context({ tenant: 'screenshots', platform: 'shell', actor: 'terminal' });
  await h.run(ctx, '/insurance account add acme-us US legal:"Acme Goods LLC"');
  const pdf = join(scratch, 'acme-coi.pdf');
  writeFileSync(
    pdf,
    await certificatePdf(
      variant((s) => ({
        general: { ...s.general, ai: false, basis: 'claims-made' },
        description: 'Products sold online. Deductible: $2,500 per occurrence.',
      })),
      'flattened',
    ),
  );
  const shots = [
    [
      'certificate-read.png',
      '/insurance policy read acme-us acme-coi.pdf',
      `/insurance policy read acme-us ${pdf}`,
    ],
    [
      'certificate-rejected.png',
      '/insurance policy rejected acme-us "…Amazon is only listed as certificate holder…"',
      '/insurance policy rejected acme-us "Your certificate was not approved: Amazon is only listed as certificate holder and the policy is claims-made."',
    ],
  ];
  for (const [file, shown, line] of shots) {
    const reply = await h.run(ctx, line);
    if (file === 'certificate-read.png') {
      const code = /policy confirm ([0-9a-f]{6})/.exec(reply.text)?.[1];
      await h.run(ctx, `/insurance policy confirm ${code}`);
    }
    writeFileSync(new URL(file, out), terminalPng(shown, renderText(reply)));
  }
  const email = await h.run(ctx, '/insurance policy broker-email 1');
  writeFileSync(
    new URL('certificate-broker-email.png', out),
    terminalPng('/insurance policy broker-email 1', renderText(email)),
  );
  await store.close();
  process.stdout.write(
    'docs/images: certificate-read.png, certificate-rejected.png, certificate-broker-email.png\n',
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
