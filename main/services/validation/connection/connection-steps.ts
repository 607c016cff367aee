import { lookup } from 'node:dns/promises';
import type { Socket } from 'node:net';
import { appError } from '../../../../shared/errors';
import { describeEndpoint, parseEndpoint, type RegistryEndpoint } from '../../../../shared/endpoint';
import { subjectAltNames, summarizeCertificate } from '../../tls/certificate-summary';
import { registryTrust, type RegistryTrust } from '../../tls/trust';
import { matchSuppliedCa } from '../../tls/ca-match';
import { classifyError } from '../../net/classify-error';
import { tlsHandshake, type HandshakeResult } from '../../net/connect';
import { MARGIN_MS } from '../../net/http-client';
import { createNetworkSession, type NetworkSession } from '../../net/network-session';
import { describeProxy, proxyFor } from '../../net/proxy';
import type { Run } from '../core/run';
import { StepProblem } from '../core/step-problem';
import { ok, pass, skipped, warn, type Passed, type StepOutcome } from '../core/step-runner';

const EXPIRY_WARNING_DAYS = 30;

/** Where the registry is and how to reach it: what the endpoint step hands on to every later step. */
export interface Located {
  run: Run;
  endpoint: RegistryEndpoint;
  trust: RegistryTrust;
  network: NetworkSession;
}
export interface Resolved extends Located {
  /** The address to dial; undefined behind a proxy, which resolves the name itself. */
  address: string | undefined;
}
export interface Connected extends Located {
  target: { host: string; port: number; hostPort: string };
  /** The open connection for the TLS step; undefined for plain HTTP, which has no handshake to check. */
  socket: Socket | undefined;
}

/**
 * Parses the endpoint and settles the proxy and the trust. `refuse` is the registry kind's own
 * objection to an endpoint (ECR: no plain HTTP), raised before anything else is judged.
 */
export async function endpointStep(run: Run, refuse: (endpoint: RegistryEndpoint) => void): Promise<Passed<Located>> {
  const { request } = run;
  const parsed = parseEndpoint(request.endpoint);
  if (!parsed.ok) throw new StepProblem(parsed.error, [`given: ${JSON.stringify(request.endpoint)}`]);
  const endpoint = parsed.endpoint;
  refuse(endpoint);
  run.facts.endpoint = endpoint;
  const proxyForUrl = (url: URL) => proxyFor(url, request.proxy, run.env);
  let proxy: URL | null;
  try {
    proxy = proxyForUrl(new URL(endpoint.origin));
  } catch (error) {
    throw new StepProblem(
      appError('PROXY_FAILED', { message: `The proxy setting is not usable: ${(error as Error).message}`, field: 'proxy.url' }),
    );
  }
  run.facts.proxy = proxy;
  const trust = registryTrust({ caPem: request.tls.caPem, trustOnlySupplied: request.tls.trustOnlySuppliedCa });
  const network = run.own(
    createNetworkSession({
      registryOrigin: endpoint.origin,
      trust,
      insecureSkipVerify: request.tls.insecureSkipVerify,
      connectTimeoutMs: request.connectTimeoutMs,
      proxyFor: proxyForUrl,
      registryProxy: proxy,
      signal: run.signal,
      deadline: run.deadline,
    }),
  );
  const observed = [
    `registry API at ${endpoint.apiBase}`,
    proxy ? `through proxy ${describeProxy(proxy)}` : 'direct connection (no proxy)',
  ];
  if (endpoint.pathPrefix) observed.push(`path prefix ${endpoint.pathPrefix} kept in front of /v2/`);
  return pass({ run, endpoint, trust, network }, ok(`${describeEndpoint(endpoint)} (port ${endpoint.port})`, ...observed));
}

export async function dnsStep(at: Located): Promise<Passed<Resolved>> {
  const { endpoint, network } = at;
  if (network.registryProxy) {
    return pass({ ...at, address: undefined }, skipped(`the proxy ${describeProxy(network.registryProxy)} resolves ${endpoint.host}`));
  }
  if (endpoint.ipVersion) {
    return pass({ ...at, address: endpoint.host }, ok(`${endpoint.host} is an IPv${endpoint.ipVersion} address: nothing to look up`));
  }
  const addresses = await lookup(endpoint.host, { all: true });
  return pass({ ...at, address: addresses[0]?.address }, ok(`${endpoint.host} → ${addresses.map((a) => a.address).join(', ')}`));
}

export async function tcpStep({ address, ...at }: Resolved): Promise<Passed<Connected>> {
  const { endpoint, network } = at;
  const target = { host: address ?? endpoint.host, port: endpoint.port, hostPort: endpoint.hostPort };
  const started = Date.now();
  let socket: Socket | undefined = await network.connect(target, waitLimit(at.run));
  const elapsed = Date.now() - started;
  if (endpoint.scheme === 'http') {
    // No handshake to judge: the connection goes straight to the registry's HTTP requests.
    network.handOver(socket);
    socket = undefined;
  }
  const proxy = network.registryProxy;
  return pass(
    { ...at, target, socket },
    proxy
      ? ok(`CONNECT ${endpoint.hostPort} through ${describeProxy(proxy)} → 200 in ${elapsed} ms`)
      : ok(`connected to ${target.host} port ${target.port} in ${elapsed} ms`),
  );
}

/**
 * How long a connection or handshake may take: the connect timeout, or less so that it gives up
 * with its own verdict shortly before the whole validation's deadline rather than after it.
 */
function waitLimit(run: Run): number {
  return Math.max(1, Math.min(run.request.connectTimeoutMs, run.deadline - Date.now() - MARGIN_MS));
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

/** The registry's certificate, judged over the TCP step's connection; hands on what the endpoint step found. */
export async function tlsStep(connected: Connected): Promise<Passed<Located>> {
  const { target: _target, socket: _socket, ...at } = connected;
  return pass(at, await tlsVerdict(connected));
}

async function tlsVerdict({ run, endpoint, trust, network, target, socket }: Connected): Promise<StepOutcome> {
  if (endpoint.scheme === 'http' || !socket) return skipped('plain HTTP endpoint: no TLS');
  let result: HandshakeResult;
  let widened = false;
  let timeoutMs = waitLimit(run);
  const handshake = (socket: Socket) =>
    tlsHandshake(socket, {
      host: endpoint.host,
      servername: endpoint.ipVersion ? undefined : endpoint.host,
      secureContext: trust.registry(),
      timeoutMs,
      signal: run.signal,
      keepOpen: true,
    });
  try {
    result = await handshake(socket);
    // Not anchored by the supplied CA alone: the verdict is the full set's, over a fresh connection.
    if (ANCHOR_ERRORS.has(result.authorizationError ?? '') && trust.widen()) {
      result.socket?.destroy();
      timeoutMs = waitLimit(run);
      result = await handshake(await network.connect(target, timeoutMs));
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
  }
  try {
    const outcome = judgeHandshake(run, endpoint, result, widened);
    // Judged as the HTTP client would judge it, with the same trust: the registry's requests use it.
    if (result.socket) network.handOver(result.socket);
    return outcome;
  } catch (error) {
    result.socket?.destroy();
    throw error;
  }
}

function judgeHandshake(run: Run, endpoint: RegistryEndpoint, result: HandshakeResult, widened: boolean): StepOutcome {
  const { insecureSkipVerify, caPem, trustOnlySuppliedCa } = run.request.tls;
  const presentedChain = result.chain.map(summarizeCertificate);
  run.facts.presentedChain = presentedChain;
  const leaf = presentedChain[0];
  const observed = [
    `${result.protocol ?? 'TLS'}${result.alpn ? `, ALPN ${result.alpn}` : ''}`,
    ...presentedChain.map(
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
  // A supplied CA that did not issue this chain is the likeliest cause; say where the chain ends.
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
  if (leaf && daysLeft < EXPIRY_WARNING_DAYS) {
    return warn(
      appError('TLS_EXPIRING_SOON', {
        message: `The registry's certificate expires in ${Math.max(0, Math.floor(daysLeft))} days (${leaf.validTo}).`,
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
