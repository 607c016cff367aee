import { lookup } from 'node:dns/promises';
import type { Socket } from 'node:net';
import { appError } from '../../../../shared/errors';
import { refusePlainHttpEcr } from '../ecr/ecr-target';
import { openTcp, tlsHandshake } from '../../net/connect';
import { subjectAltNames, summarizeCertificate } from '../../tls/certificate-summary';
import { registryTrust } from '../../tls/trust';
import { matchSuppliedCa } from '../../tls/ca-match';
import { classifyError } from '../../net/classify-error';
import { MARGIN_MS } from '../../net/http-client';
import { describeEndpoint, parseEndpoint } from '../../../../shared/endpoint';
import { describeProxy, proxyFor } from '../../net/proxy';
import { StepProblem } from '../oci/registry-auth';
import { ok, skipped, warn, type StepOutcome } from '../core/step-runner';
import type { ValidationContext } from '../validation-context';

const EXPIRY_WARNING_DAYS = 30;

export async function endpointStep(ctx: ValidationContext): Promise<StepOutcome> {
  const parsed = parseEndpoint(ctx.request.endpoint);
  if (!parsed.ok) throw new StepProblem(parsed.error, [`given: ${JSON.stringify(ctx.request.endpoint)}`]);
  const endpoint = parsed.endpoint;
  refusePlainHttpEcr(endpoint, false);
  ctx.endpoint = endpoint;
  try {
    ctx.proxy = proxyFor(new URL(endpoint.origin), ctx.request.proxy, ctx.env);
  } catch (error) {
    throw new StepProblem(
      appError('PROXY_FAILED', { message: `The proxy setting is not usable: ${(error as Error).message}`, field: 'proxy.url' }),
    );
  }
  ctx.trust = registryTrust({ caPem: ctx.request.tls.caPem, trustOnlySupplied: ctx.request.tls.trustOnlySuppliedCa });
  const observed = [
    `registry API at ${endpoint.apiBase}`,
    ctx.proxy ? `through proxy ${describeProxy(ctx.proxy)}` : 'direct connection (no proxy)',
  ];
  if (endpoint.pathPrefix) observed.push(`path prefix ${endpoint.pathPrefix} kept in front of /v2/`);
  return ok(`${describeEndpoint(endpoint)} (port ${endpoint.port})`, ...observed);
}

export async function dnsStep(ctx: ValidationContext): Promise<StepOutcome> {
  const endpoint = ctx.endpoint!;
  if (ctx.proxy) return skipped(`the proxy ${describeProxy(ctx.proxy)} resolves ${endpoint.host}`);
  if (endpoint.ipVersion) {
    ctx.address = endpoint.host;
    return ok(`${endpoint.host} is an IPv${endpoint.ipVersion} address: nothing to look up`);
  }
  const addresses = await lookup(endpoint.host, { all: true });
  ctx.address = addresses[0]?.address;
  return ok(`${endpoint.host} → ${addresses.map((a) => a.address).join(', ')}`);
}

export async function tcpStep(ctx: ValidationContext): Promise<StepOutcome> {
  const endpoint = ctx.endpoint!;
  const target = tcpTarget(ctx);
  const started = Date.now();
  ctx.socket = await openTcp(target, ctx.proxy, waitLimit(ctx), ctx.signal);
  const elapsed = Date.now() - started;
  if (endpoint.scheme === 'http') {
    ctx.socket.destroy();
    ctx.socket = undefined;
  }
  return ctx.proxy
    ? ok(`CONNECT ${endpoint.hostPort} through ${describeProxy(ctx.proxy)} → 200 in ${elapsed} ms`)
    : ok(`connected to ${target.host} port ${target.port} in ${elapsed} ms`);
}

/**
 * How long a connection or handshake may take: the connect timeout, or less so that it gives up
 * with its own verdict shortly before the whole validation's deadline rather than after it.
 */
function tcpTarget(ctx: ValidationContext) {
  const endpoint = ctx.endpoint!;
  return { host: ctx.address ?? endpoint.host, port: endpoint.port, hostPort: endpoint.hostPort };
}

function waitLimit(ctx: ValidationContext): number {
  return Math.max(1, Math.min(ctx.request.connectTimeoutMs, ctx.deadline - Date.now() - MARGIN_MS));
}

/** OpenSSL's verdicts for a chain that ends at no trusted CA (as opposed to an expired or misnamed one). */
const ANCHOR_ERRORS = new Set([
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_UNTRUSTED',
]);

export async function tlsStep(ctx: ValidationContext): Promise<StepOutcome> {
  const endpoint = ctx.endpoint!;
  if (endpoint.scheme === 'http' || !ctx.socket) return skipped('plain HTTP endpoint: no TLS');
  const { insecureSkipVerify, caPem, trustOnlySuppliedCa } = ctx.request.tls;
  let result;
  let widened = false;
  let timeoutMs = waitLimit(ctx);
  const handshake = (socket: Socket) =>
    tlsHandshake(socket, {
      host: endpoint.host,
      servername: endpoint.ipVersion ? undefined : endpoint.host,
      secureContext: ctx.trust!.registry(),
      timeoutMs,
      signal: ctx.signal,
    });
  try {
    result = await handshake(ctx.socket);
    // Not anchored by the supplied CA alone: the verdict is the full set's, over a fresh connection.
    if (ANCHOR_ERRORS.has(result.authorizationError ?? '') && ctx.trust!.widen()) {
      timeoutMs = waitLimit(ctx);
      result = await handshake(await openTcp(tcpTarget(ctx), ctx.proxy, timeoutMs, ctx.signal));
      widened = true;
    }
  } catch (error) {
    const { code, detail } = classifyError(error);
    if (code === 'TCP_TIMEOUT') {
      throw new StepProblem(
        appError('NO_RESPONSE', {
          message: `The server accepted the connection but did not complete a TLS handshake within ${timeoutMs} ms.`,
        }),
        [detail],
      );
    }
    const remedy =
      code === 'TLS_PLAIN_HTTP'
        ? `Use http://${endpoint.hostPort}${endpoint.pathPrefix} if the registry really serves plain HTTP.`
        : undefined;
    throw new StepProblem(appError(code === 'INTERNAL' ? 'TLS_FAILED' : code, remedy ? { remedy } : {}), [detail]);
  } finally {
    ctx.socket = undefined;
  }
  ctx.presentedChain = result.chain.map(summarizeCertificate);
  const leaf = ctx.presentedChain[0];
  const observed = [
    `${result.protocol ?? 'TLS'}${result.alpn ? `, ALPN ${result.alpn}` : ''}`,
    ...ctx.presentedChain.map(
      (c, i) => `${i === 0 ? 'certificate' : `issuer ${i}`}: ${c.subject} (issued by ${c.issuer}, valid until ${c.validTo.slice(0, 10)})`,
    ),
    `trusting ${trustOnlySuppliedCa ? 'only the supplied CA' : caPem ? 'the system CAs and the supplied CA' : 'the system CAs'}`,
    ...(widened ? ['not anchored by the supplied CA alone: checked again against the system CAs as well'] : []),
  ];
  const names = result.chain[0] ? subjectAltNames(result.chain[0]) : [];
  const hostnameProblem = result.hostnameError
    ? appError('TLS_HOSTNAME_MISMATCH', {
        message: `The certificate names ${names.length ? names.join(', ') : 'no host at all (no subjectAltName)'}, not ${endpoint.host}.`,
      })
    : undefined;
  // Node also files a name mismatch under authorizationError; the own check above words it better.
  const chainError = result.authorizationError === 'ERR_TLS_CERT_ALTNAME_INVALID' ? undefined : result.authorizationError;
  const chainProblem = chainError ? chainVerdict(chainError, result.chain.length) : undefined;
  // The match check (issue 4): a supplied CA that did not issue this chain is the likeliest cause; say where the chain ends.
  const caMatch = chainProblem && caPem ? matchSuppliedCa(result.chain, caPem) : null;
  if (caMatch?.issuedByCa === false) observed.push(caMatch.message);
  if (chainProblem && hostnameProblem) observed.push(`also: ${hostnameProblem.message}`);
  const problem = chainProblem ?? hostnameProblem;
  if (problem && !insecureSkipVerify) throw new StepProblem(problem, observed);
  if (problem) {
    return warn({ ...problem, message: `Not verified, because Insecure Skip TLS Verify is on: ${problem.message}` }, ...observed);
  }
  if (insecureSkipVerify) observed.push('Insecure Skip TLS Verify is on but not needed: the certificate verifies');
  const daysLeft = leaf ? (Date.parse(leaf.validTo) - Date.now()) / 86_400_000 : Infinity;
  if (daysLeft < EXPIRY_WARNING_DAYS) {
    return warn(
      appError('TLS_EXPIRING_SOON', {
        message: `The registry's certificate expires in ${Math.max(0, Math.floor(daysLeft))} days (${leaf!.validTo}).`,
      }),
      ...observed,
    );
  }
  return ok('certificate trusted and valid for this host', ...observed);
}

function chainVerdict(verifyCode: string, presented: number) {
  const { code } = classifyError(Object.assign(new Error(verifyCode), { code: verifyCode }));
  const base = appError(code === 'INTERNAL' ? 'TLS_FAILED' : code);
  if (code === 'TLS_INCOMPLETE_CHAIN' && presented === 1) {
    return { ...base, message: `${base.message} (The server presented only its own certificate.)` };
  }
  return code === 'INTERNAL' ? { ...base, message: `${base.message} (${verifyCode})` } : base;
}
