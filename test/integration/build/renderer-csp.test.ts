// The Content Security Policy as it ships: read from the built `out/renderer/index.html` (`npm test`
// builds first; alone: `npx electron-vite build`), compared with the one source of truth in
// main/content-security-policy.ts, and held to the rules of docs/reference/electron.md#security-checklist.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER } from '../../../main/content-security-policy';

const RENDERER_OUT = resolve('out/renderer');
const BUILT_HTML = join(RENDERER_OUT, 'index.html');
const SOURCES = ['renderer/index.html', 'main/content-security-policy.ts'];

type Policy = Map<string, string[]>;

/** CSP3 §2.2.1 "parse a serialized CSP": `;`-separated directives, names case-insensitive, first one wins. */
function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    const directive = name.toLowerCase();
    if (!policy.has(directive)) policy.set(directive, values);
  }
  return policy;
}

/** Every `<meta http-equiv="Content-Security-Policy" content="…">` in a page. */
function metaPolicies(html: string): string[] {
  const policies: string[] = [];
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gis)) {
    const attributes = new Map([...tag.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)].map(([, k, v]) => [k!.toLowerCase(), v!]));
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') policies.push(attributes.get('content') ?? '');
  }
  return policies;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Sources each fetch directive may name; anything else (hosts, schemes, 'unsafe-eval'…) fails. */
const ALLOWED_SOURCES: Record<string, string[]> = {
  'default-src': ["'none'", "'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // Mantine's run-time <style> elements; the reason is written beside the constant.
  'style-src-elem': ["'self'", "'unsafe-inline'"],
  'style-src-attr': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'", "'self'"],
  'form-action': ["'none'"],
};

function expectStrict(policy: Policy): void {
  expect([...policy.keys()].filter((d) => !(d in ALLOWED_SOURCES))).toEqual([]);
  for (const [directive, sources] of policy) {
    expect(sources.length, `${directive} names no source`).toBeGreaterThan(0);
    expect(
      sources.filter((s) => !ALLOWED_SOURCES[directive]!.includes(s)),
      directive,
    ).toEqual([]);
  }
  expect(['none', 'self'].map((s) => `'${s}'`)).toContain(policy.get('default-src')?.join(' '));
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toBeDefined();
  expect(policy.get('form-action')).toEqual(["'none'"]);
  // The browser harness posts to /ipc/<channel> and streams /events on its own origin (test/harness/server.ts).
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  // Without these, style-src would fall back to default-src and the real rule would be unwritten.
  expect(policy.get('style-src-attr')).toEqual(["'none'"]);
}

const REMOTE = /(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i.source;
/** Ways a script or stylesheet can pull code, styles or fonts from elsewhere. */
const REMOTE_LOADERS = [
  new RegExp(`\\bimport\\s*\\(\\s*["'\`]${REMOTE}`, 'i'),
  new RegExp(`\\b(?:import|from)\\s*["'\`]${REMOTE}`, 'i'),
  new RegExp(`\\bimportScripts\\s*\\(\\s*["'\`]${REMOTE}`, 'i'),
  new RegExp(`\\bnew\\s+(?:Shared)?Worker\\s*\\(\\s*["'\`]${REMOTE}`, 'i'),
  new RegExp(`\\bsrc\\s*[:=]\\s*["'\`]${REMOTE}`, 'i'),
  new RegExp(`\\brel\\s*[:=]\\s*["'\`](?:stylesheet|preload|modulepreload)["'\`][^;]{0,80}${REMOTE}`, 'i'),
  new RegExp(`url\\(\\s*["']?${REMOTE}`, 'i'),
  /@import\s/i,
  /fonts\.(?:googleapis|gstatic)\.com|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com/i,
];

function remoteLoads(text: string): string[] {
  return REMOTE_LOADERS.flatMap((loader) => text.match(loader)?.[0] ?? []);
}

let html = '';

beforeAll(() => {
  if (!existsSync(BUILT_HTML)) {
    throw new Error(`No built renderer at ${relative('.', BUILT_HTML)}: run \`npm run build\` (npm test builds first).`);
  }
  html = readFileSync(BUILT_HTML, 'utf8');
});

describe('the built renderer', () => {
  it('was built after its policy last changed', () => {
    const builtAt = statSync(BUILT_HTML).mtimeMs;
    const newer = SOURCES.filter((file) => statSync(file).mtimeMs > builtAt);
    expect(newer, 'sources changed after out/renderer was built: run `npm run build`').toEqual([]);
  });

  it('carries exactly one CSP meta tag, equal to CONTENT_SECURITY_POLICY', () => {
    expect(metaPolicies(html)).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('has a strict policy: no eval, no inline script, nothing remote, nothing it does not use', () => {
    expectStrict(parsePolicy(metaPolicies(html)[0] ?? ''));
  });

  it('leaves frame-ancestors to the header, where browsers honour it (they ignore it in a meta tag)', () => {
    expect(parsePolicy(CONTENT_SECURITY_POLICY).has('frame-ancestors')).toBe(false);
    const header = parsePolicy(CONTENT_SECURITY_POLICY_HEADER);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    header.delete('frame-ancestors');
    expect(header).toEqual(parsePolicy(CONTENT_SECURITY_POLICY));
  });

  it('loads only its own files: no inline script, no remote src or href', () => {
    for (const [tag, attributes = ''] of html.matchAll(/<script\b([^>]*)>/gi)) {
      expect(attributes, `inline script: ${tag}`).toMatch(/\bsrc\s*=/);
    }
    for (const [, attribute, value] of html.matchAll(/\b(src|href)\s*=\s*"([^"]*)"/gi)) {
      expect(value, `${attribute}=${value}`).toMatch(/^(\.?\/(?!\/)|data:,$)/);
    }
  });

  it('has no code that loads from a remote origin (scripts, workers, styles, fonts)', () => {
    const assets = filesUnder(RENDERER_OUT).filter((f) => ['.js', '.mjs', '.css'].includes(extname(f)));
    expect(assets.some((f) => extname(f) === '.js')).toBe(true);
    for (const file of assets) expect(remoteLoads(readFileSync(file, 'utf8')), relative('.', file)).toEqual([]);
  });

  it('would notice a remote script or a weak policy (the checks above can fail)', () => {
    expect(() => expectStrict(parsePolicy("default-src 'self'; script-src 'self' 'unsafe-eval'"))).toThrow();
    expect(() => expectStrict(parsePolicy("default-src 'self'; script-src 'self' https://cdn.example.com"))).toThrow();
    expect(() => expectStrict(parsePolicy("default-src *; script-src 'self'"))).toThrow();
    expect(() =>
      expectStrict(parsePolicy(CONTENT_SECURITY_POLICY.replace("style-src-attr 'none'", "style-src-attr 'unsafe-inline'"))),
    ).toThrow();
    expect(metaPolicies('<meta content="x" http-equiv="content-security-policy">')).toEqual(['x']);
    for (const code of [
      'import("https://cdn.example.com/x.js")',
      'import{a}from"https://esm.sh/react"',
      'new Worker("//evil.example.com/w.js")',
      's.src="https://evil.example.com/x.js"',
      '@font-face{src:url(https://fonts.gstatic.com/s/x.woff2)}',
      '@import "theme.css";',
    ]) {
      expect(remoteLoads(code), code).not.toEqual([]);
    }
    // What the bundle does contain and must not trip on: namespaces and links in error messages.
    expect(remoteLoads('createElementNS("http://www.w3.org/2000/svg","svg");throw Error("see https://react.dev/errors/418")')).toEqual([]);
  });
});
