import { createHash, X509Certificate } from 'node:crypto';
import { createSecureContext, getCACertificates, type SecureContext } from 'node:tls';
import { judgeCaPem } from '../../../shared/model/ca-pem';

let systemRoots: string[] | undefined;

export interface TrustOptions {
  caPem?: string | undefined;
  trustOnlySupplied?: boolean;
}

/**
 * The CA set to verify a registry against. Node's default store alone would miss the
 * operating system's store, where corporate CAs live, so both are included (once per process:
 * reading the system store takes tens of milliseconds). A supplied CA is added, or used alone
 * when the admin asks to trust nothing else.
 */
export function trustedCaCertificates(options: TrustOptions): string[] {
  const supplied = options.caPem ? pemCertificates(options.caPem) : [];
  if (options.trustOnlySupplied) return supplied;
  systemRoots ??= [...new Set([...getCACertificates('default'), ...getCACertificates('system')])];
  return [...systemRoots, ...supplied];
}

const MAX_CONTEXTS = 32;
const contexts = new Map<string, SecureContext>();

/**
 * The same trust as a TLS context, built once per CA set and shared by every connection of every
 * validation: parsing 250-odd roots costs ~15–30 ms of main-process CPU per context, which the
 * TLS step, the registry requests and the AWS calls would otherwise each pay, on every run.
 */
export function trustedSecureContext(options: TrustOptions): SecureContext {
  const key = `${options.trustOnlySupplied ? 'only' : 'all'}:${options.caPem ? createHash('sha256').update(options.caPem).digest('hex') : ''}`;
  let context = contexts.get(key);
  if (context) {
    // Most recently used last, so the oldest is the one to drop.
    contexts.delete(key);
  } else {
    context = createSecureContext({ ca: trustedCaCertificates(options) });
    if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value!);
  }
  contexts.set(key, context);
  return context;
}

/** The trust of one validation: the registry's own origin may be checked against a narrower set first. */
export interface RegistryTrust {
  /** For the registry's origin: the supplied CA alone while it has not been ruled out (see widen). */
  registry(): SecureContext;
  /** Everything trusted: what every other origin (a token service, a redirect target, AWS) is checked against. */
  full(): SecureContext;
  /** The registry's chain did not verify against the supplied CA alone: check it against the full set. False when already full. */
  widen(): boolean;
}

/**
 * An on-prem registry's chain usually ends at the CA the admin supplied; verifying it against that
 * CA alone first spares reading the operating system's store (25-70 ms measured, most of a
 * command-line run). A chain that does not verify so is checked again against the full set, so the
 * verdict is the full set's: more trust anchors cannot make a verified chain fail.
 */
export function registryTrust(options: TrustOptions): RegistryTrust {
  const full = () => trustedSecureContext(options);
  let narrow =
    options.caPem && !options.trustOnlySupplied ? trustedSecureContext({ caPem: options.caPem, trustOnlySupplied: true }) : undefined;
  return {
    registry: () => narrow ?? full(),
    full,
    widen() {
      if (!narrow) return false;
      narrow = undefined;
      return true;
    },
  };
}

/**
 * The certificates of a PEM text, each checked to parse, in file order, as canonical PEM. One
 * linear pass (shared/pem.ts): a stored CA is read at every validation, and a backtracking pattern
 * over a hostile one once took 15 s per run.
 */
export function pemCertificates(text: string): string[] {
  return parsedPemCertificates(text).map(({ pem }) => pem);
}

const MAX_PARSED = 8;
const parsed = new Map<string, Array<{ pem: string; cert: X509Certificate }>>();

/**
 * The same, with each certificate parsed; remembered for the last few texts, since one
 * validation reads its CA for the trust, the match and the report, and the next one again.
 */
export function parsedPemCertificates(text: string): Array<{ pem: string; cert: X509Certificate }> {
  let found = parsed.get(text);
  if (found) {
    parsed.delete(text);
  } else {
    const verdict = judgeCaPem(text, { keepCertificatesOnly: true });
    found = (verdict.ok ? splitPem(verdict.pem) : []).flatMap((pem) => {
      try {
        return [{ pem, cert: new X509Certificate(pem) }];
      } catch {
        return [];
      }
    });
    if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
  }
  parsed.set(text, found);
  return found;
}

function splitPem(pem: string): string[] {
  const END = '-----END CERTIFICATE-----\n';
  const blocks: string[] = [];
  for (let at = 0; at < pem.length;) {
    const found = pem.indexOf(END, at);
    if (found === -1) break;
    const end = found + END.length;
    blocks.push(pem.slice(at, end));
    at = end;
  }
  return blocks;
}
