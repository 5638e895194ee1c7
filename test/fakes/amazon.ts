// A local stand-in for Login with Amazon and the Sales API's getOrderMetrics, on 127.0.0.1. Every
// answer it gives is checked against Amazon's published model (../shared/specs/amazon-sp-api/
// sales.json: GetOrderMetricsResponse) before it is sent, so the fake cannot drift from the real
// service; every request's parameters are checked against the operation's declared parameters.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';

export const SALES_MODEL = fileURLToPath(
  new URL('../../../shared/specs/amazon-sp-api/sales.json', import.meta.url),
);

interface Swagger {
  paths: Record<
    string,
    Record<string, { parameters: { name: string; required?: boolean; enum?: string[] }[] }>
  >;
  definitions: Record<string, object>;
}

function modelValidator() {
  const spec = JSON.parse(readFileSync(SALES_MODEL, 'utf8')) as Swagger;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'sales', definitions: spec.definitions });
  const response = ajv.compile({ $ref: 'sales#/definitions/GetOrderMetricsResponse' });
  const params = spec.paths['/sales/v1/orderMetrics']!.get!.parameters;
  return {
    response: (body: unknown) =>
      response(body) ? [] : (response.errors ?? []).map((e) => `${e.instancePath || 'body'} ${e.message}`),
    request: (query: URLSearchParams) => {
      const problems: string[] = [];
      for (const p of params) {
        const v = query.get(p.name);
        if (p.required && v === null) problems.push(`missing ${p.name}`);
        if (v !== null && p.enum && !p.enum.includes(v))
          problems.push(`${p.name}=${v} not in ${p.enum.join('|')}`);
      }
      for (const name of query.keys())
        if (!params.some((p) => p.name === name)) problems.push(`unknown parameter ${name}`);
      return problems;
    },
  };
}

export interface SellerFixture {
  /** The refresh token that opens this seller's data. */
  readonly refreshToken: string;
  /** Ordered product sales by day, "YYYY-MM-DD" -> cents, in the store's currency. */
  readonly sales: Map<string, number>;
  readonly currency?: string;
}

export class FakeAmazon {
  readonly sellers = new Map<string, SellerFixture>();
  readonly revoked = new Set<string>();
  /** Authorization codes Seller Central would send back (website workflow): code -> seller. Single use. */
  readonly codes = new Map<string, string>();
  /** The redirect_uri each code exchange named. */
  readonly redirects: string[] = [];
  /** Every call to getOrderMetrics: seller, when (ms), its query. */
  readonly calls: { seller: string; at: number; query: URLSearchParams }[] = [];
  readonly violations: string[] = [];
  /** Per seller: how many of the next calls answer 429. */
  readonly throttle = new Map<string, number>();
  /** The usage plan the fake enforces (requests a second, burst): over it, 429. */
  plan = { rate: 0.5, burst: 15 };
  private buckets = new Map<string, { tokens: number; at: number }>();
  private tokens = new Map<string, string>();
  private server?: Server;
  private readonly model = modelValidator();
  lwaUrl = '';
  apiUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    const { port } = this.server.address() as AddressInfo;
    this.lwaUrl = `http://127.0.0.1:${port}/auth/o2/token`;
    this.apiUrl = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://amazon');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.method === 'POST' && url.pathname === '/auth/o2/token')
      return this.token(res, new URLSearchParams(body));
    if (req.method === 'GET' && url.pathname === '/sales/v1/orderMetrics')
      return this.metrics(req, res, url.searchParams);
    this.send(res, 404, { errors: [{ code: 'NotFound', message: url.pathname }] });
  }

  private token(res: ServerResponse, form: URLSearchParams) {
    if (form.get('grant_type') === 'authorization_code') {
      const seller = this.codes.get(form.get('code') ?? '');
      this.redirects.push(form.get('redirect_uri') ?? '');
      if (!seller || !form.get('client_id') || !form.get('client_secret'))
        return this.send(res, 400, { error: 'invalid_grant' });
      this.codes.delete(form.get('code')!);
      const access = `Atza|${seller}|${Math.random().toString(36).slice(2)}`;
      this.tokens.set(access, seller);
      return this.send(res, 200, {
        access_token: access,
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: this.sellers.get(seller)!.refreshToken,
      });
    }
    const refresh = form.get('refresh_token') ?? '';
    const seller = [...this.sellers.entries()].find(([, s]) => s.refreshToken === refresh)?.[0];
    if (form.get('grant_type') !== 'refresh_token' || !form.get('client_id') || !form.get('client_secret'))
      return this.send(res, 400, { error: 'invalid_request' });
    if (!seller || this.revoked.has(seller)) return this.send(res, 400, { error: 'invalid_grant' });
    const access = `Atza|${seller}|${Math.random().toString(36).slice(2)}`;
    this.tokens.set(access, seller);
    this.send(res, 200, {
      access_token: access,
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: refresh,
    });
  }

  private metrics(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    const seller = this.tokens.get(String(req.headers['x-amz-access-token'] ?? ''));
    if (!seller || this.revoked.has(seller))
      return this.send(res, 403, {
        errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }],
      });
    const now = performance.now();
    this.calls.push({ seller, at: now, query });
    this.violations.push(...this.model.request(query).map((p) => `request: ${p}`));
    const forced = this.throttle.get(seller) ?? 0;
    const bucket = this.buckets.get(seller) ?? { tokens: this.plan.burst, at: now };
    bucket.tokens = Math.min(this.plan.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.plan.rate);
    bucket.at = now;
    this.buckets.set(seller, bucket);
    if (forced > 0 || bucket.tokens < 1) {
      if (forced > 0) this.throttle.set(seller, forced - 1);
      else this.violations.push(`usage plan exceeded by ${seller}`);
      return this.send(res, 429, {
        errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota.' }],
      });
    }
    bucket.tokens -= 1;
    const fixture = this.sellers.get(seller)!;
    const [start, end] = (query.get('interval') ?? '').split('--');
    const first = (start ?? '').slice(0, 10);
    const last = (end ?? '').slice(0, 10); // exclusive
    const offset = (start ?? '').slice(19);
    const payload = [];
    for (let d = first; d < last; d = nextDay(d)) {
      const cents = fixture.sales.get(d) ?? 0;
      const currencyCode = fixture.currency ?? 'USD';
      payload.push({
        interval: `${d}T00:00${offset}--${nextDay(d)}T00:00${offset}`,
        unitCount: cents ? 3 : 0,
        orderItemCount: cents ? 2 : 0,
        orderCount: cents ? 2 : 0,
        averageUnitPrice: { amount: cents ? (cents / 300).toFixed(2) : '0', currencyCode },
        totalSales: { amount: (cents / 100).toFixed(2), currencyCode },
      });
    }
    const answer = { payload };
    this.violations.push(...this.model.response(answer).map((p) => `response: ${p}`));
    this.send(res, 200, answer, { 'x-amzn-RateLimit-Limit': String(this.plan.rate) });
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
