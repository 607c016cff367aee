import { ValidationRequestSchema, type ValidationRequest } from '../../shared/model/validation';
import { hasControlCharacters, quoted, secretFromStdin, type CommandIo } from './io';
import { defineCommand, PASSWORD_STDIN_OPTION, usageErrorFor, type Parsed } from './command';
import { DATA_DIR_OPTION } from './data-dir';
import { reportVerdict } from '../../shared/model/verdict';
import { STORED_USAGE, validateStoredCommand, type StoredConnection } from './validate-stored';
import { formatChecklist, jsonReport } from './report-format';
import { readDraftFile } from './draft-source';
import { parseEndpoint } from '../../shared/endpoint';
import { parseProxyUrl } from '../services/net/proxy';
import { StepProblem } from '../services/validation/core/step-problem';
import { resolveEcrTarget } from '../services/validation/ecr/ecr-target';
import { checkRegistry } from '../services/validation/validate';
import { AppErrorException, type AppError } from '../../shared/errors';
import { loadCertificateFile } from '../services/tls/load-certificate-file';
import { explainMissingSecret, passwordNotGiven } from '../services/secrets/missing-secret';
import { ECR_DRAFT_FLAGS, ECR_OPTIONS, ECR_USAGE, ecrRequest, strayEcrFlag, type EcrDraft, type EcrValues } from './ecr-options';

const usageError = usageErrorFor('validate');

export const VALIDATE_USAGE = `Usage: regdesk validate ENDPOINT [options]
       regdesk validate --file DRAFTS.json [--name NAME] [--password-stdin] [options]
       regdesk validate --name NAME... | --all [--scope SCOPE] [--data-dir DIR] [--strict]

Checks a registry the way Palette will use it: DNS, TCP, TLS, the registry API, the
credentials, the base content path and the packs under it.

Options:
  --file FILE                   Validate a registry from a draft file exported by the app
  --name NAME                   Which registry of the draft file (when it holds several)
  --base-path PATH              Base content path (packs live at PATH/spectro-packs/archive)
  -u, --username USER           Username (or robot account)
  --password-stdin              Read the password from standard input
                                (or set REGDESK_PASSWORD; there is no --password, to keep it
                                out of shell history and process lists)
  --ca-file FILE                CA certificates to trust besides the system's
                                (PEM, one or many; DER; or PKCS#7 .p7b, PEM or DER)
  --ca-only                     Trust only --ca-file, not the system's CAs
  --insecure-skip-tls-verify    Do not verify the certificate (reported as a warning)
  --proxy URL                   HTTP proxy (default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY)
  --no-proxy-env                Ignore the proxy environment variables
  --timeout SECONDS             Overall deadline (default 20)
  --connect-timeout SECONDS     Connect deadline (default 10)
  --json                        Print the report as JSON
  --strict                      Any warning fails the run (exit 1), e.g. no packs under
                                the base content path, or a password sent over plain HTTP
${ECR_USAGE}
${STORED_USAGE}
Exit codes: 0 validated (with warnings too, unless --strict), 1 not validated (any
registry), 2 bad input.
`;

const OPTIONS = {
  file: { type: 'string' },
  name: { type: 'string', multiple: true },
  all: { type: 'boolean', default: false },
  scope: { type: 'string' },
  ...DATA_DIR_OPTION,
  strict: { type: 'boolean', default: false },
  'base-path': { type: 'string' },
  username: { type: 'string', short: 'u' },
  ...PASSWORD_STDIN_OPTION,
  'ca-file': { type: 'string' },
  'ca-only': { type: 'boolean', default: false },
  'insecure-skip-tls-verify': { type: 'boolean', default: false },
  proxy: { type: 'string' },
  'no-proxy-env': { type: 'boolean', default: false },
  timeout: { type: 'string', default: '20' },
  'connect-timeout': { type: 'string', default: '10' },
  json: { type: 'boolean', default: false },
  ...ECR_OPTIONS,
} as const;

export const validateCommand = defineCommand({
  name: 'validate',
  usage: VALIDATE_USAGE,
  options: OPTIONS,
  allowPositionals: true,
  run: validateFromCommandLine,
});

async function validateFromCommandLine({ values, positionals }: Parsed<typeof OPTIONS, true>, io: CommandIo): Promise<number> {
  if (values.file === undefined && positionals.length === 0 && (values.name !== undefined || values.all)) {
    const unused = (['aws-profile', 'aws-region', 'aws-api-endpoint', 'aws-sts-endpoint'] as const).find((f) => values[f] !== undefined);
    if (unused) return usageError(io, `--${unused} is not used for stored registries, which validate as the app does`);
    const connection = connectionOptions(values);
    if ('error' in connection) return usageError(io, connection.error);
    const result = await validateStoredCommand(values, connection, io);
    return typeof result === 'number' ? result : usageError(io, result.error);
  }
  const stray = (['all', 'scope', 'data-dir'] as const).find((flag) => values[flag] !== undefined && values[flag] !== false);
  if (stray) return usageError(io, `--${stray} goes with stored registries (--name without --file, or --all)`);
  const target = await registryToValidate(values, positionals);
  if ('error' in target) return usageError(io, target.error);

  const connection = connectionOptions(values);
  if ('error' in connection) return usageError(io, connection.error);
  const isEcr = target.ecr !== undefined || values['aws-auth'] !== undefined;
  if (!isEcr && strayEcrFlag(values)) return usageError(io, `--${strayEcrFlag(values)} goes with --aws-auth (an ECR registry)`);
  if (isEcr && target.username) return usageError(io, 'ECR registries sign in through AWS, not with --username');
  const stdin = values['password-stdin'] || values['aws-secret-stdin'] ? await secretFromStdin(io) : undefined;
  const ecr = isEcr ? ecrRequest(values, target.ecr, io.env, stdin) : undefined;
  if (ecr && 'error' in ecr) return usageError(io, ecr.error);
  const password = isEcr ? '' : (stdin ?? io.env['REGDESK_PASSWORD'] ?? '');
  if (password && !target.username) return usageError(io, 'a password was given without a username');

  let caPem = target.caPem;
  if (values['ca-file']?.trim() === '') return usageError(io, '--ca-file needs a file');
  if (values['ca-file'] !== undefined) {
    const loaded = await loadCaFile(values['ca-file']);
    if ('error' in loaded) return usageError(io, loaded.error);
    caPem = loaded.pem;
    for (const warning of loaded.warnings) io.err.write(`regdesk validate: warning: --ca-file ${values['ca-file']}: ${warning}\n`);
  } else if (values['ca-only']) {
    return usageError(io, '--ca-only needs --ca-file');
  }

  const request = ValidationRequestSchema.safeParse({
    endpoint: target.endpoint,
    baseContentPath: target.baseContentPath,
    username: target.username,
    password,
    tls: { insecureSkipVerify: target.insecureSkipVerify, caPem, trustOnlySuppliedCa: values['ca-only'] || target.trustOnlySuppliedCa },
    ...connection,
    ...(ecr ? { ecr: ecr.ecr } : {}),
  });
  if (!request.success) return usageError(io, request.error.issues[0]?.message ?? 'invalid options');
  const override = ecrOverrideProblem(request.data);
  if (override) return usageError(io, override);

  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const ran = await checkRegistry(request.data, { signal: abort.signal, env: io.env });
    // A username without its password (a draft file never holds one) is a missing secret, not a wrong one.
    const report = !isEcr && target.username && !password ? explainMissingSecret(ran, passwordNotGiven()) : ran;
    io.out.write(values.json ? `${JSON.stringify(jsonReport(report), null, 2)}\n` : formatChecklist(report));
    return reportVerdict(report) === 'validated' || (report.ok && !values.strict) ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

type Values = EcrValues & {
  file?: string | undefined;
  name?: string[] | undefined;
  'base-path'?: string | undefined;
  username?: string | undefined;
  'insecure-skip-tls-verify': boolean;
  'ca-file'?: string | undefined;
};

/** The registry from the command line, or from a draft file (whose settings then may not be given again). */
async function registryToValidate(values: Values, positionals: string[]): Promise<RegistryTarget | { error: string }> {
  if (values.file === undefined) {
    if (values.name !== undefined) return { error: 'give either ENDPOINT or --name (a stored registry), not both' };
    if (positionals.length !== 1)
      return {
        error: positionals.length === 0 ? 'give the registry ENDPOINT (or --file)' : `unexpected argument ${quoted(positionals[1]!)}`,
      };
    // URL parsers drop a control character at either end; on a command line it is a paste gone wrong.
    if (hasControlCharacters(positionals[0]!)) return { error: `the ENDPOINT ${quoted(positionals[0]!)} holds a control character` };
    const endpoint = parseEndpoint(positionals[0]!);
    if (!endpoint.ok) return { error: endpoint.error.message };
    return {
      endpoint: positionals[0]!,
      baseContentPath: values['base-path'] ?? '',
      username: values.username ?? '',
      insecureSkipVerify: values['insecure-skip-tls-verify'],
      caPem: undefined,
      trustOnlySuppliedCa: false,
    };
  }
  if (positionals.length > 0) return { error: 'give either ENDPOINT or --file, not both' };
  const clash = (['base-path', 'username', ...ECR_DRAFT_FLAGS] as const).find((flag) => values[flag] !== undefined);
  if (clash) return { error: `--${clash} comes from the draft file; edit the draft instead` };
  if ((values.name?.length ?? 0) > 1) return { error: '--name with --file chooses one registry of the draft file' };
  const read = await readDraftFile(values.file, values.name?.[0]);
  if ('error' in read) return read;
  const { draft } = read;
  return {
    endpoint: draft.endpoint,
    baseContentPath: draft.baseContentPath,
    username: draft.type === 'basic' ? draft.username : '',
    insecureSkipVerify: draft.tls.insecureSkipVerify || values['insecure-skip-tls-verify'],
    caPem: draft.tls.caPem,
    trustOnlySuppliedCa: draft.tls.trustOnlySuppliedCa ?? false,
    ecr: draft.type === 'ecr' ? { isPrivate: draft.isPrivate, awsAuth: draft.awsAuth } : undefined,
  };
}

interface RegistryTarget {
  endpoint: string;
  baseContentPath: string;
  username: string;
  insecureSkipVerify: boolean;
  caPem: string | undefined;
  trustOnlySuppliedCa: boolean;
  /** Set for an ECR draft; flags (--aws-auth) make any registry ECR too. */
  ecr?: EcrDraft | undefined;
}

/** The same reading and checks as the app's "Choose CA certificate" (certs:pick), worded for a command line. */
export async function loadCaFile(path: string): Promise<{ pem: string; warnings: string[] } | { error: string }> {
  try {
    const file = await loadCertificateFile(path);
    return { pem: file.pem, warnings: file.warnings.map((warning) => warning.message) };
  } catch (error) {
    if (error instanceof AppErrorException) return { error: caFileProblem(path, error.appError) };
    throw error;
  }
}

function caFileProblem(path: string, problem: AppError): string {
  switch (problem.code) {
    case 'CERT_FILE_UNREADABLE':
      return `cannot read --ca-file ${path}: ${problem.message}`;
    case 'CERT_FILE_PRIVATE_KEY':
      return `--ca-file ${path} holds a private key: give the CA certificate only (nothing read from it was kept)`;
    case 'CERT_FILE_EMPTY':
    case 'CERT_FILE_NO_CERTIFICATE':
    case 'CERT_FILE_UNRECOGNIZED':
      return `--ca-file ${path} holds no certificate (PEM, DER or PKCS#7): ${problem.message}`;
    default:
      return `--ca-file ${path}: ${problem.message}`;
  }
}

/** Proxy and timeouts from the command line, checked; for one registry or for stored ones alike. */
function connectionOptions(values: {
  proxy?: string | undefined;
  'no-proxy-env': boolean;
  timeout: string;
  'connect-timeout': string;
}): StoredConnection | { error: string } {
  const seconds = (name: 'timeout' | 'connect-timeout') => Number(values[name]);
  if (![seconds('timeout'), seconds('connect-timeout')].every((s) => Number.isFinite(s) && s > 0 && s <= 300)) {
    return { error: '--timeout and --connect-timeout take seconds, from 1 to 300' };
  }
  const proxy = proxyProblem(values.proxy);
  if (proxy) return { error: proxy };
  return {
    proxy: { url: values.proxy, fromEnvironment: !values['no-proxy-env'] },
    deadlineMs: Math.round(seconds('timeout') * 1000),
    connectTimeoutMs: Math.round(seconds('connect-timeout') * 1000),
  };
}

/** The proxy is checked as the validation will read it, so a malformed one is a command-line error, not a failed step. */
function proxyProblem(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '') return '--proxy needs a URL, http://host:port';
  try {
    parseProxyUrl(raw);
    return undefined;
  } catch (error) {
    return `--proxy ${quoted(raw)} is not usable: ${(error as Error).message}`;
  }
}

/** The ECR endpoint overrides, checked by the same rule the validation's endpoint step applies, before anything is sent. */
function ecrOverrideProblem(request: ValidationRequest): string | undefined {
  const endpoint = parseEndpoint(request.endpoint);
  if (!request.ecr || !endpoint.ok) return undefined;
  try {
    resolveEcrTarget(request.ecr, endpoint.endpoint);
    return undefined;
  } catch (error) {
    if (!(error instanceof StepProblem)) throw error;
    if (error.problem.field === 'endpoint') return `${error.problem.message} ${error.problem.remedy ?? ''}`.trim();
    const flag = error.problem.field === 'ecr.stsEndpoint' ? '--aws-sts-endpoint' : '--aws-api-endpoint';
    return `${flag} takes https://host[:port] (a VPC or private endpoint), without credentials, query or fragment`;
  }
}
