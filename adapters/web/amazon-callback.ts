// GET /amazon/callback: where Seller Central sends a seller back after the consent page of the
// website authorization workflow. The state names the team and account (sealed, expiring); the
// code becomes the refresh token, stored sealed; the two-year backfill starts in the background.
// The seller reads a short page in plain words, never a stack or a token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthorizationError, completeAuthorization, syncConnection } from '../../src/app/amazon.ts';
import type { AppDeps } from '../../src/app/context.ts';
import { localeOf, wordsFor } from '../../src/i18n/index.ts';

export interface CallbackLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

const html = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, text: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${html(title)}</title><h1>${html(title)}</h1><p>${html(text)}</p>`,
  );
}

export function amazonCallback(deps: AppDeps, log: CallbackLog) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // A web page: in the browser's language (Accept-Language), when coverwatch speaks it.
    const w = wordsFor(localeOf(req.headers['accept-language']?.split(',')[0]?.split(';')[0]?.trim()));
    const query = new URL(req.url ?? '/', 'http://coverwatch').searchParams;
    const state = query.get('state');
    const code = query.get('spapi_oauth_code');
    if (!state || !code) {
      page(res, 400, w.t('amazon.web.failed'), w.t('amazon.web.state'));
      return;
    }
    completeAuthorization(deps, { state, code })
      .then(({ account, connection }) => {
        log.info(
          { account: account.name, sellingPartner: query.get('selling_partner_id') },
          'amazon: account connected',
        );
        page(res, 200, w.t('amazon.connected', { account: account.name }), w.t('amazon.web.backfill'));
        // The backfill takes a while (Amazon's usage plan): in the background, and a shutdown waits.
        const backfill = syncConnection(deps, connection, account).catch((err: unknown) =>
          log.error({ err, account: account.name }, 'amazon: backfill failed'),
        );
        void (deps.inflight ? deps.inflight.track(backfill) : backfill);
      })
      .catch((err: unknown) => {
        const problem = err instanceof AuthorizationError ? err.problem : 'unavailable';
        if (!(err instanceof AuthorizationError)) log.error({ err }, 'amazon: callback failed');
        else log.warn({ problem }, 'amazon: authorization refused');
        page(
          res,
          problem === 'unavailable' ? 502 : 400,
          w.t('amazon.web.failed'),
          w.t(`amazon.web.${problem}`),
        );
      });
  };
}
