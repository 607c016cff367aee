import { X509Certificate } from 'node:crypto';
import { AppErrorException, appError, type AppError } from '../../../shared/errors';
import type { FetchPresentedChainInput, PresentedCertificate, PresentedChain } from '../../../shared/model/certificate';
import { classifyError } from '../net/classify-error';
import { describeEndpoint, parseEndpoint } from '../../../shared/endpoint';
import { describeProxy, proxyFor } from '../net/proxy';
import { matchSuppliedCa } from './ca-match';
import { toPem } from './certificate-chains';
import { subjectAltNames, summarizeCertificate } from './certificate-summary';
import { commonName } from './certificate-warnings';
import { openTcp, tlsHandshake, type HandshakeResult } from '../net/connect';
import { trustedCaCertificates, trustedSecureContext } from './trust';

/**
 * `certs:fetch-presented`: connects the way validation does (same proxy rules, same TCP and TLS
 * code) but never refuses the certificate, and returns what the server presented, whether it
 * verifies against the trusted CAs, whether the supplied CA issued it, and which certificate,
 * if any, the admin could choose to trust on first use (docs/reference/tls.md#presented-chain).
 */
export async function fetchPresentedChain(
  input: FetchPresentedChainInput,
  options: { env: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<PresentedChain> {
  const parsed = parseEndpoint(input.endpoint);
  if (!parsed.ok) throw new AppErrorException(parsed.error);
  const endpoint = parsed.endpoint;
  if (endpoint.scheme === 'http') throw new AppErrorException(appError('CERT_NO_TLS', { field: 'endpoint' }));
  let proxy: URL | null;
  try {
    proxy = proxyFor(new URL(endpoint.origin), input.proxy, options.env);
  } catch (error) {
    throw new AppErrorException(
      appError('PROXY_FAILED', { message: `The proxy setting is not usable: ${(error as Error).message}`, field: 'proxy.url' }),
    );
  }
  const trust = { caPem: input.caPem, trustOnlySupplied: input.trustOnlySuppliedCa };
  const secureContext = trustedSecureContext(trust);
  const signal = options.signal ?? new AbortController().signal;

  let result: HandshakeResult;
  try {
    const socket = await openTcp(
      { host: endpoint.host, port: endpoint.port, hostPort: endpoint.hostPort },
      proxy,
      input.connectTimeoutMs,
      signal,
    );
    result = await tlsHandshake(socket, {
      host: endpoint.host,
      servername: endpoint.ipVersion ? undefined : endpoint.host,
      secureContext,
      timeoutMs: input.connectTimeoutMs,
      signal,
    });
  } catch (error) {
    const { code, detail } = classifyError(error);
    const known = code === 'INTERNAL' ? 'TLS_FAILED' : code;
    throw new AppErrorException(appError(known, { message: `${appError(known).message} (${detail})` }));
  }
  if (result.chain.length === 0) throw new AppErrorException(appError('TLS_FAILED', { message: 'The server presented no certificate.' }));

  const trustedFingerprints = new Set(trustedCaCertificates(trust).map((pem) => new X509Certificate(pem).fingerprint256));
  const chain: PresentedCertificate[] = result.chain.map((cert) => ({
    ...summarizeCertificate(cert),
    pem: toPem(cert),
    trusted: trustedFingerprints.has(cert.fingerprint256),
  }));
  const problem = handshakeProblem(result, endpoint.host);
  return {
    endpoint: describeEndpoint(endpoint),
    proxy: describeProxy(proxy),
    chain,
    verified: problem === null,
    problem,
    caMatch: input.caPem ? matchSuppliedCa(result.chain, input.caPem) : null,
    trustOffer: trustOffer(chain, problem),
  };
}

/** The verdict a verifying client would reach: the chain first, then the host name. */
function handshakeProblem(result: HandshakeResult, host: string): AppError | null {
  // Node also files a name mismatch under authorizationError; the own check below words it better.
  const chainCode = result.authorizationError === 'ERR_TLS_CERT_ALTNAME_INVALID' ? undefined : result.authorizationError;
  if (chainCode) {
    const { code } = classifyError(Object.assign(new Error(chainCode), { code: chainCode }));
    return code === 'INTERNAL' ? appError('TLS_FAILED', { message: `${appError('TLS_FAILED').message} (${chainCode})` }) : appError(code);
  }
  if (result.hostnameError) {
    const names = result.chain[0] ? subjectAltNames(result.chain[0]) : [];
    return appError('TLS_HOSTNAME_MISMATCH', {
      message: `The certificate names ${names.length ? names.join(', ') : 'no host at all (no subjectAltName)'}, not ${host}.`,
    });
  }
  return null;
}

/**
 * Only a self-signed top can be trusted on first use: Node's OpenSSL, like most clients, will not
 * take an intermediate as a trust anchor (measured: trusting only the intermediate gives
 * UNABLE_TO_GET_ISSUER_CERT), so a chain without its root needs the root's file instead.
 */
function trustOffer(chain: PresentedCertificate[], problem: AppError | null): PresentedChain['trustOffer'] {
  const index = chain.length - 1;
  const top = chain[index]!;
  if (!problem)
    return { available: false, reason: 'The certificate already verifies against the trusted CAs: there is nothing more to trust.' };
  if (top.trusted)
    return { available: false, reason: `${commonName(top.subject)} is already trusted; what fails is this: ${problem.message}` };
  if (!top.selfSigned) {
    return {
      available: false,
      reason: `The server does not send its root CA: the chain ends at ${top.subject}, issued by ${top.issuer}. Trusting an intermediate is not enough; get the certificate of ${commonName(top.issuer)} from its administrator and choose it as a file.`,
    };
  }
  return { available: true, index, fingerprintSha256: top.fingerprintSha256 };
}
