/**
 * Which proxy carries a request: the explicit setting, else the environment's HTTPS_PROXY /
 * HTTP_PROXY (lower case wins, as curl and undici do) unless NO_PROXY names the host.
 */
export interface ProxySettings {
  url?: string | undefined;
  fromEnvironment: boolean;
}

export function proxyFor(target: URL, settings: ProxySettings, env: NodeJS.ProcessEnv): URL | null {
  if (settings.url) return parseProxyUrl(settings.url);
  if (!settings.fromEnvironment) return null;
  const raw = target.protocol === 'https:' ? env['https_proxy'] || env['HTTPS_PROXY'] : env['http_proxy'] || env['HTTP_PROXY'];
  if (!raw) return null;
  if (bypassed(target, env['no_proxy'] ?? env['NO_PROXY'] ?? '')) return null;
  return parseProxyUrl(raw);
}

/** Accepts "host:port" as curl does, meaning http://host:port. Throws on anything unusable. */
export function parseProxyUrl(raw: string): URL {
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  if (url.protocol !== 'http:') throw new Error(`Only http:// proxies are supported, not ${url.protocol}//`);
  return url;
}

/** The proxy as a report may show it: never its credentials. */
export function describeProxy(proxy: URL | null): string | null {
  return proxy ? `${proxy.protocol}//${proxy.host}` : null;
}

function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const match = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase().replace(/^\[|\](?=(:\d+)?$)/g, ''));
      const pattern = (match?.[1] ?? '').replace(/^\*\./, '.');
      if (match?.[2] && match[2] !== port) return false;
      if (pattern.startsWith('.')) return host.endsWith(pattern) || host === pattern.slice(1);
      return host === pattern || host.endsWith(`.${pattern}`);
    });
}
