import type { IncomingMessage } from 'node:http';

/**
 * Cookies kept for the hops of one fetch, per exact host name. Many CDN and WAF front ends set a cookie
 * and redirect to the same URL; without sending it back, that looks like a redirect loop. Attributes
 * (Domain, Path, Expires) are ignored except that an empty value or `Max-Age=0` removes the cookie.
 */
export class CookieJar {
  readonly #hosts = new Map<string, Map<string, string>>();

  /** Remembers the `Set-Cookie` headers of a response. */
  store(hostname: string, response: IncomingMessage): void {
    for (const line of response.headers['set-cookie'] ?? []) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const cookies = this.#hosts.get(hostname) ?? new Map<string, string>();
      const expired = attributes.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a));
      if (value === '' || expired) cookies.delete(name);
      else cookies.set(name, value);
      this.#hosts.set(hostname, cookies);
    }
  }

  /** The `Cookie` header for a host, or '' when there is none. */
  headerFor(hostname: string): string {
    const cookies = this.#hosts.get(hostname);
    return cookies ? [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }
}
