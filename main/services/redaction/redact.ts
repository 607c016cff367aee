/**
 * The last line of defence of the diagnostics export: a sweep over every string for anything
 * that looks like a credential, and for the exact secrets the app knows (with their base64 and
 * URL-encoded forms). The document is built from an allowlist first (diagnostics-document.ts);
 * this catches what a server echoed into a report, a pasted key, a token in a URL. Every removal
 * leaves a visible `[redacted: kind]` marker and is counted.
 *
 * What it cannot do: recognise a credential with no telltale shape and no known value (a bare
 * hex API key, a password in prose). That is why the allowlist comes first.
 */

import { createSecretMatcher, MIN_SUBSTRING_SECRET } from './known-secrets';

export type RedactionCounts = Record<string, number>;

const marker = (kind: string) => `[redacted: ${kind}]`;
/** Values already replaced are not matched again (markers contain spaces and brackets, but be explicit). */
const NOT_MARKED = '(?!\\[redacted: )';

interface Pattern {
  kind: string;
  regex: RegExp;
  /** The replacement for one match; return the match itself to leave it. */
  replace: (match: string, ...groups: string[]) => string;
}

/** A token that looks generated rather than like a word: a digit or symbol, or an upper-case letter after the first. */
function looksGenerated(token: string): boolean {
  return /[0-9+/=%_.~-]/.test(token) || (/[A-Z]/.test(token.slice(1)) && /[a-z]/.test(token));
}

/** 40 characters of base64 with digits and both cases, not hex (a SHA-1 is not a secret): AWS secret access key shape. */
function looksLikeAwsSecret(token: string): boolean {
  return /[0-9]/.test(token) && /[a-z]/.test(token) && /[A-Z]/.test(token) && !/^[0-9a-fA-F]+$/.test(token);
}

// The value starts at its first visible character, so backtracking over the separator's spaces cannot slip past a marker.
const HEADER_VALUE = `${NOT_MARKED}([^\\s"',;}\\]][^"'\\r\\n,;}\\]]*)`;
const SEPARATOR = `(["']?\\s*[:=]\\s*["']?)`;

/** In this order: a private key block first (it contains anything), then URLs' parts, then header names before their values' shapes. */
const PATTERNS: readonly Pattern[] = [
  {
    kind: 'private key',
    regex: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY[A-Z ]*-----|$)/g,
    replace: () => marker('private key'),
  },
  {
    kind: 'url credentials',
    regex: new RegExp(`\\b([a-z][a-z0-9+.-]*://)${NOT_MARKED}[^\\s/?#@"'<>]+@`, 'gi'),
    replace: (_m, scheme) => `${scheme}${marker('url credentials')}@`,
  },
  {
    kind: 'query parameter',
    regex: new RegExp(
      `([?&;])((?:[^=&\\s#"'<>]*(?:token|signature|secret|passw|pwd|credential|authorization|sig|api_?key|access_?key|session)[^=&\\s#"'<>]*|X-Amz-[A-Za-z0-9-]+))=${NOT_MARKED}([^&\\s#"'<>]+)`,
      'gi',
    ),
    replace: (_m, lead, name) => `${lead}${name}=${marker('query parameter')}`,
  },
  {
    kind: 'authorization',
    regex: new RegExp(`\\b((?:proxy-)?authorization)${SEPARATOR}${HEADER_VALUE}`, 'gi'),
    replace: (_m, name, sep) => `${name}${sep}${marker('authorization')}`,
  },
  {
    kind: 'credential header',
    regex: new RegExp(
      `\\b(x-amz-security-token|x-api-key|api-key|apikey|x-auth-token|private-token|set-cookie|cookie)${SEPARATOR}${HEADER_VALUE}`,
      'gi',
    ),
    replace: (_m, name, sep) => `${name}${sep}${marker('credential header')}`,
  },
  {
    kind: 'credentials',
    // Also URL-encoded (Basic%20…, Basic+…), as a redirect or query may carry it.
    regex: new RegExp(`\\b(Basic|Bearer)((?:\\s|%20|\\+)+)${NOT_MARKED}([A-Za-z0-9\\-._~+/%]{8,}=*)`, 'gi'),
    replace: (match, scheme, sep, token) => (looksGenerated(token) ? `${scheme}${sep}${marker('credentials')}` : match),
  },
  {
    kind: 'jwt',
    regex: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
    replace: () => marker('jwt'),
  },
  {
    kind: 'secret field',
    regex: new RegExp(
      `\\b((?:aws_)?secret_access_key|secretAccessKey|aws_session_token|sessionToken|session_token|client_secret|password|passwd)${SEPARATOR}${NOT_MARKED}([^\\s"',;}\\]]+)`,
      'gi',
    ),
    replace: (_m, name, sep) => `${name}${sep}${marker('secret field')}`,
  },
  {
    kind: 'aws access key id',
    regex: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
    replace: () => marker('aws access key id'),
  },
  {
    kind: 'aws secret key',
    regex: /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g,
    replace: (match) => (looksLikeAwsSecret(match) ? marker('aws secret key') : match),
  },
];

export interface Redactor {
  /** The text with every credential replaced by a marker; counts what it replaced. */
  text(value: string): string;
  /** A copy of a JSON-like value with every string swept (object keys are the builder's own and are kept). */
  value<T>(value: T): T;
  /** What was replaced so far, by kind. */
  counts(): RedactionCounts;
  /** True when a known secret, in any of its forms, is in a string of the value: the final check before a file is produced. */
  leaks(value: unknown): boolean;
}

/**
 * A redactor for these known secrets (the stored ones, or those of one validation request).
 * Known secrets are replaced before the shape patterns so a hit is named for what it is.
 */
export function createRedactor(knownSecrets: Iterable<string> = []): Redactor {
  const counts: RedactionCounts = {};
  const count = (kind: string) => (counts[kind] = (counts[kind] ?? 0) + 1);
  const secrets = [...new Set(knownSecrets)].filter((s) => s.length > 0);
  // Stryker disable next-line MethodExpression: equivalent, a longer secret that is the whole value is also found by the matcher, with the same marker and count.
  const whole = new Set(secrets.filter((s) => s.length < MIN_SUBSTRING_SECRET));
  const matcher = createSecretMatcher(secrets);

  function text(value: string): string {
    if (whole.has(value)) {
      count('stored secret');
      return marker('stored secret');
    }
    let out = '';
    let at = 0;
    for (const [start, end] of matcher.spans(value)) {
      out += value.slice(at, start) + marker('stored secret');
      count('stored secret');
      at = end;
    }
    out += value.slice(at);
    for (const pattern of PATTERNS) {
      out = out.replace(pattern.regex, (match: string, ...rest: unknown[]) => {
        // Stryker disable next-line MethodExpression: equivalent, no rule has an optional group, so the groups come first either way.
        const groups = rest.filter((g): g is string => typeof g === 'string');
        const replaced = pattern.replace(match, ...groups);
        if (replaced !== match) count(pattern.kind);
        return replaced;
      });
    }
    return out;
  }

  function value<T>(input: T): T {
    if (typeof input === 'string') return text(input) as T;
    if (Array.isArray(input)) return input.map((item: unknown) => value(item)) as T;
    if (input !== null && typeof input === 'object') {
      return Object.fromEntries(Object.entries(input).map(([key, item]) => [key, value(item)])) as T;
    }
    return input;
  }

  return {
    text,
    value,
    counts: () => ({ ...counts }),
    leaks: (input) => {
      // Values only: keys are the builder's own names, and a password that happens to be "version" must not block the export.
      const strings: string[] = [];
      const collect = (item: unknown): void => {
        if (typeof item === 'string') strings.push(item);
        else if (Array.isArray(item)) item.forEach(collect);
        else if (item !== null && typeof item === 'object') Object.values(item).forEach(collect);
      };
      collect(input);
      return strings.some((s) => whole.has(s) || matcher.spans(s).length > 0);
    },
  };
}

/** Adds counts together (a report scrubbed when it was recorded, then the whole document). */
export function addCounts(...all: RedactionCounts[]): RedactionCounts {
  const sum: RedactionCounts = {};
  for (const counts of all) for (const [kind, n] of Object.entries(counts)) sum[kind] = (sum[kind] ?? 0) + n;
  return sum;
}
