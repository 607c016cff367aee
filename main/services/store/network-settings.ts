import { DEFAULT_NETWORK_SETTINGS, type NetworkEnvironment, type Settings } from '../../../shared/model/settings';
import type { ValidationService } from '../validation/validation-service';
import { describeProxy, parseProxyUrl } from '../net/proxy';

/**
 * Validations started from the window (a draft or a stored registry) use the proxy and timeouts
 * of the Settings dialog; the window's request carries only the registry. `regdesk validate`
 * does not pass here: its flags and the environment decide, as its usage says.
 */
export function withNetworkSettings(validation: ValidationService, settings: () => Settings): ValidationService {
  return {
    ...validation,
    run: (runId, request, onProgress, registry) =>
      validation.run(runId, { ...request, ...(settings().network ?? DEFAULT_NETWORK_SETTINGS) }, onProgress, registry),
  };
}

/** The proxy variables proxyFor reads, lower case first as it does, for the dialog to say where a proxy comes from. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY'] as const;

export function networkEnvironment(env: NodeJS.ProcessEnv): NetworkEnvironment {
  const proxyVariables = PROXY_VARIABLES.flatMap((name) => {
    const raw = env[name]?.trim();
    if (!raw) return [];
    return [{ name, value: name.endsWith('no_proxy') || name.endsWith('NO_PROXY') ? raw.slice(0, 512) : shownProxy(raw) }];
  });
  return { proxyVariables };
}

/** Never a proxy's user or password: the dialog shows where it points. */
function shownProxy(raw: string): string {
  try {
    return describeProxy(parseProxyUrl(raw)) ?? '';
  } catch {
    return '(not a usable http:// proxy address)';
  }
}
