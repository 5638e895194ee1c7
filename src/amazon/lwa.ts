// Login with Amazon: a seller's refresh token becomes a short-lived access token (cached until a
// minute before it expires). A refused refresh token (revoked by the seller, or wrong) is a
// RevokedTokenError: the sync reports it to the team once instead of retrying forever.
import { LRUCache } from 'lru-cache';
import { z } from 'zod';

export interface LwaConfig {
  readonly lwaUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly timeoutMs?: number;
}

export class RevokedTokenError extends Error {
  override name = 'RevokedTokenError';
}

export class AmazonUnavailableError extends Error {
  override name = 'AmazonUnavailableError';
}

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

const cache = new LRUCache<string, { token: string; until: number }>({ max: 10_000 });

async function post(config: LwaConfig, form: Record<string, string>): Promise<Response> {
  try {
    return await fetch(config.lwaUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({ ...form, client_id: config.clientId, client_secret: config.clientSecret }),
      signal: AbortSignal.timeout(config.timeoutMs ?? 10_000),
    });
  } catch (err) {
    throw new AmazonUnavailableError(`Login with Amazon did not answer (${(err as Error).name})`);
  }
}

async function parse(res: Response): Promise<{ token: string; expiresIn: number; refresh?: string }> {
  const body: unknown = await res.json().catch(() => undefined);
  if (res.status === 400 || res.status === 401) {
    const error = (body as { error?: unknown } | undefined)?.error;
    throw new RevokedTokenError(`Login with Amazon refused the token (${String(error ?? res.status)})`);
  }
  if (!res.ok) throw new AmazonUnavailableError(`Login with Amazon answered ${res.status}`);
  const parsed = tokenResponse.extend({ refresh_token: z.string().optional() }).safeParse(body);
  if (!parsed.success) throw new AmazonUnavailableError('Login with Amazon answered with an unexpected body');
  return {
    token: parsed.data.access_token,
    expiresIn: parsed.data.expires_in,
    ...(parsed.data.refresh_token ? { refresh: parsed.data.refresh_token } : {}),
  };
}

/** An access token for a refresh token. */
export async function accessToken(
  config: LwaConfig,
  refreshToken: string,
  now = Date.now(),
): Promise<string> {
  const hit = cache.get(refreshToken);
  if (hit && hit.until > now) return hit.token;
  // A slow or failing Login with Amazon is tried three times (1 s, then 2 s apart); a refused
  // token is not tried again.
  let r: Awaited<ReturnType<typeof parse>> | undefined;
  for (let attempt = 0; !r; attempt++) {
    try {
      r = await parse(await post(config, { grant_type: 'refresh_token', refresh_token: refreshToken }));
    } catch (err) {
      if (!(err instanceof AmazonUnavailableError) || attempt >= 2) throw err;
      await new Promise((done) => setTimeout(done, 1000 * 2 ** attempt));
    }
  }
  cache.set(refreshToken, { token: r.token, until: now + (r.expiresIn - 60) * 1000 });
  return r.token;
}

/** Forgets a cached access token (Amazon refused it). */
export function forgetAccessToken(refreshToken: string): void {
  cache.delete(refreshToken);
}

/**
 * The website authorization workflow's last step: the code Seller Central sent back to our redirect
 * URI becomes the seller's refresh token (single use; Amazon refuses a code used twice).
 */
export async function exchangeCode(config: LwaConfig, code: string, redirectUri: string): Promise<string> {
  const r = await parse(
    await post(config, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }),
  );
  if (!r.refresh) throw new AmazonUnavailableError('Login with Amazon returned no refresh token');
  return r.refresh;
}
