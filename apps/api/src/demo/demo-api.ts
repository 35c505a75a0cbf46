import type { Role } from '@ledger/domain';
import { demoToken } from './demo-data.js';

/** Someone calling the public HTTP API with a demo user's token. */
export interface DemoCaller {
  send<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** POST of one file as the multipart/form-data field `file`. */
  upload<T = unknown>(path: string, fileName: string, content: string): Promise<T>;
}

/** A refused or failed request: the generator only sends what the ledger should accept, so this stops it. */
export class DemoRequestFailed extends Error {}

/**
 * The demo generator's way into the ledger: the real app's HTTP API, as the demo users. Node's fetch
 * keeps the connection to the app alive between requests.
 */
export class DemoApi {
  private readonly callers = new Map<string, Promise<DemoCaller>>();

  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
  ) {}

  as(role: Role, resellerId?: string, customerId?: string): Promise<DemoCaller> {
    const key = `${role} ${resellerId ?? ''} ${customerId ?? ''}`;
    let caller = this.callers.get(key);
    if (!caller) {
      caller = demoToken(this.secret, role, resellerId, customerId).then((token) => this.caller(token));
      this.callers.set(key, caller);
    }
    return caller;
  }

  private caller(token: string): DemoCaller {
    const authorization = `Bearer ${token}`;
    const call = async <T>(
      method: string,
      path: string,
      init: { body?: string | FormData; json?: boolean },
    ) => {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization, ...(init.json && { 'content-type': 'application/json' }) },
        ...(init.body !== undefined && { body: init.body }),
      });
      const text = await response.text();
      if (!response.ok)
        throw new DemoRequestFailed(`demo history: ${method} ${path} answered ${response.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    };
    return {
      send: (method, path, body) =>
        call(method, path, body === undefined ? {} : { body: JSON.stringify(body), json: true }),
      upload: (path, fileName, content) => {
        const form = new FormData();
        form.append('file', new Blob([content], { type: 'text/csv' }), fileName);
        return call('POST', path, { body: form });
      },
    };
  }
}
