import { parseArgs } from 'node:util';
import { ValidationRequestSchema, type ValidationReport, type ValidationStep } from '../../shared/model/validation';
import { parseEndpoint } from '../services/oci/endpoint';
import { validateRegistry } from '../services/oci/validate';
import { AppErrorException, type AppError } from '../../shared/errors';
import { loadCertificateFile } from '../services/tls/load-certificate-file';

export const VALIDATE_USAGE = `Usage: regdesk validate ENDPOINT [options]

Checks a registry the way Palette will use it: DNS, TCP, TLS, the registry API, the
credentials, the base content path and the packs under it.

Options:
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

Exit codes: 0 validated, 1 not validated, 2 bad input.
`;

export interface CommandIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

export async function validateCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'base-path': { type: 'string', default: '' },
        username: { type: 'string', short: 'u', default: '' },
        'password-stdin': { type: 'boolean', default: false },
        'ca-file': { type: 'string' },
        'ca-only': { type: 'boolean', default: false },
        'insecure-skip-tls-verify': { type: 'boolean', default: false },
        proxy: { type: 'string' },
        'no-proxy-env': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '20' },
        'connect-timeout': { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out.write(VALIDATE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) return usageError(io, positionals.length === 0 ? 'give the registry ENDPOINT' : `unexpected argument "${positionals[1]}"`);
  const endpoint = parseEndpoint(positionals[0]!);
  if (!endpoint.ok) return usageError(io, `${endpoint.error.message}`);

  const seconds = (name: 'timeout' | 'connect-timeout') => Number(values[name]);
  if (![seconds('timeout'), seconds('connect-timeout')].every((s) => Number.isFinite(s) && s > 0 && s <= 300)) {
    return usageError(io, '--timeout and --connect-timeout take seconds, from 1 to 300');
  }
  const password = values['password-stdin'] ? (await io.readStdin()).replace(/\r?\n$/, '') : io.env['REGDESK_PASSWORD'] ?? '';
  if (password && !values.username) return usageError(io, 'a password was given without --username');

  let caPem: string | undefined;
  if (values['ca-file']) {
    const loaded = await loadCaFile(values['ca-file']);
    if ('error' in loaded) return usageError(io, loaded.error);
    caPem = loaded.pem;
    for (const warning of loaded.warnings) io.err.write(`regdesk validate: warning: --ca-file ${values['ca-file']}: ${warning}\n`);
  } else if (values['ca-only']) {
    return usageError(io, '--ca-only needs --ca-file');
  }

  const request = ValidationRequestSchema.safeParse({
    endpoint: positionals[0],
    baseContentPath: values['base-path'],
    username: values.username,
    password,
    tls: { insecureSkipVerify: values['insecure-skip-tls-verify'], caPem, trustOnlySuppliedCa: values['ca-only'] },
    proxy: { url: values.proxy, fromEnvironment: !values['no-proxy-env'] },
    deadlineMs: Math.round(seconds('timeout') * 1000),
    connectTimeoutMs: Math.round(seconds('connect-timeout') * 1000),
  });
  if (!request.success) return usageError(io, request.error.issues[0]?.message ?? 'invalid options');

  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  try {
    const report = await validateRegistry(request.data, { signal: abort.signal, env: io.env });
    io.out.write(values.json ? `${JSON.stringify(jsonReport(report), null, 2)}\n` : formatChecklist(report));
    return report.ok ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
}

/** The same reading and checks as the app's "Choose CA certificate" (certs:pick), worded for a command line. */
async function loadCaFile(path: string): Promise<{ pem: string; warnings: string[] } | { error: string }> {
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

function usageError(io: CommandIo, message: string): number {
  io.err.write(`regdesk validate: ${message}\n\nRun "regdesk validate --help" for the options.\n`);
  return 2;
}

/** The stable, documented JSON shape: ok, and steps with id, status, code, message, remedy, durationMs. */
export function jsonReport(report: ValidationReport) {
  return {
    ok: report.ok,
    endpoint: report.endpoint,
    durationMs: report.durationMs,
    proxy: report.proxy,
    steps: report.steps.map((step) => ({
      id: step.id,
      status: step.status,
      code: step.problem?.code ?? null,
      message: step.problem?.message ?? null,
      remedy: step.problem?.remedy ?? null,
      durationMs: step.durationMs,
      observed: step.observed,
    })),
    presentedChain: report.presentedChain,
    packs: report.packs,
    packCount: report.packCount,
  };
}

const MARK: Record<ValidationStep['status'], string> = {
  ok: '[ ok ]',
  warn: '[warn]',
  fail: '[FAIL]',
  skipped: '[skip]',
  pending: '[    ]',
  running: '[ .. ]',
};

/** One line per step, with the cause and remedy under any that warned or failed. */
export function formatChecklist(report: ValidationReport): string {
  const width = Math.max(...report.steps.map((s) => s.title.length));
  const lines = [`Validating ${report.endpoint}`];
  for (const step of report.steps) {
    const summary = step.problem ? `${step.problem.code}: ${step.problem.message}` : (step.observed[0] ?? '');
    const time = step.status === 'ok' || step.status === 'warn' || step.status === 'fail' ? `  (${step.durationMs} ms)` : '';
    lines.push(`${MARK[step.status]} ${step.title.padEnd(width)}  ${summary}${time}`);
    if (step.problem?.remedy && step.status !== 'ok') lines.push(`${' '.repeat(width + 9)}→ ${step.problem.remedy}`);
    if (step.status === 'fail') for (const line of step.observed) lines.push(`${' '.repeat(width + 9)}  ${line}`);
  }
  const failed = report.steps.find((s) => s.status === 'fail');
  const warnings = report.steps.filter((s) => s.status === 'warn').length;
  lines.push(
    failed
      ? `Not validated: ${failed.title} failed (${failed.problem?.code ?? 'unknown'}) after ${report.durationMs} ms.`
      : `Validated in ${report.durationMs} ms${warnings ? ` with ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}
