import { randomUUID } from 'node:crypto';
import { AppErrorException, type AppError } from '../../shared/errors';
import type { RegistryRecord, RegistryScope } from '../../shared/model/registry';
import type { SecretField } from '../../shared/model/secrets';
import type { ValidationReport, ValidationRequestInput } from '../../shared/model/validation';
import { reportVerdict, VERDICT_TITLES, type Verdict } from '../../shared/model/verdict';
import { nameKey } from '../../shared/text-rules';
import { createServices } from '../services';
import { PRODUCT_NAME } from '../services/app-paths';
import { RegistryScopeSchema } from '../../shared/model/registry';
import { dataDirOption } from './data-dir';
import { ECR_DRAFT_FLAGS } from './ecr-options';
import { operationFailed, printable, quoted, secretFromStdin, type CommandIo } from './io';
import { formatChecklist, jsonReport } from './report-format';
import { openStore } from './cli-services';

declare const __APP_VERSION__: string;

export const STORED_USAGE = `Stored registries (scheduled checks, e.g. from cron or CI):
  --name NAME                   Validate the stored registry called NAME (repeat for
                                several; both scopes unless --scope is given)
  --all                         Validate every stored registry
  --scope SCOPE                 Only system or only tenant registries
  --data-dir DIR                Use DIR instead of the desktop app's data folder
  Each verdict is recorded in the store, as the app records it. The command line
  cannot reach the app's keychain: give each registry's secret in the environment,
  REGDESK_PASSWORD_<NAME> (Basic) or REGDESK_AWS_SECRET_ACCESS_KEY_<NAME> (ECR),
  <NAME> upper-cased with every run of other characters than A-Z and 0-9 made
  one "_" (harbor-prod: REGDESK_PASSWORD_HARBOR_PROD); or, for one registry,
  with --password-stdin (--aws-secret-stdin). A registry whose secret is stored
  but not given is not validated (exit 1), and nothing is recorded for it.
`;

/** The environment variable that carries a stored registry's secret to the command line. */
export function secretVariable(field: SecretField, name: string): string {
  const key = name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${field === 'password' ? 'REGDESK_PASSWORD' : 'REGDESK_AWS_SECRET_ACCESS_KEY'}_${key}`;
}

export type StoredConnection = Pick<ValidationRequestInput, 'proxy' | 'deadlineMs' | 'connectTimeoutMs'>;

/** The options `regdesk validate` takes for stored registries; the ones a stored registry already holds are refused. */
export interface StoredValues {
  name?: string[] | undefined;
  all: boolean;
  scope?: string | undefined;
  'data-dir'?: string | undefined;
  strict: boolean;
  json: boolean;
  'password-stdin': boolean;
  'aws-secret-stdin': boolean;
  'ca-only': boolean;
  'insecure-skip-tls-verify': boolean;
  'base-path'?: string | undefined;
  username?: string | undefined;
  'ca-file'?: string | undefined;
  'aws-auth'?: string | undefined;
  'aws-access-key-id'?: string | undefined;
  'role-arn'?: string | undefined;
  'external-id'?: string | undefined;
}

/** `regdesk validate --name NAME... | --all`: the exit code, or a usage error for the caller to print. */
export async function validateStoredCommand(
  values: StoredValues,
  connection: StoredConnection,
  io: CommandIo,
): Promise<number | { error: string }> {
  if (values.all && values.name !== undefined) return { error: 'give --name or --all, not both' };
  const fromStore = (['base-path', 'username', 'ca-file', ...ECR_DRAFT_FLAGS] as const).find((flag) => values[flag] !== undefined);
  const clash = fromStore ?? (['ca-only', 'insecure-skip-tls-verify'] as const).find((flag) => values[flag]);
  if (clash) return { error: `--${clash} comes from the stored registry; edit it in the app instead` };
  if (values['password-stdin'] && values['aws-secret-stdin']) return { error: 'give --password-stdin or --aws-secret-stdin, not both' };
  const scope = values.scope === undefined ? undefined : RegistryScopeSchema.safeParse(values.scope);
  if (scope && !scope.success) return { error: `--scope must be "system" or "tenant", not ${quoted(values.scope!)}` };
  const folder = await dataDirOption(values['data-dir'], { reading: true, env: io.env });
  if ('error' in folder) return folder;
  const stdin = values['password-stdin'] || values['aws-secret-stdin'] ? await secretFromStdin(io) : undefined;
  try {
    return await validateStoredRegistries(
      {
        ...{ names: values.name ?? [], all: values.all, scope: scope?.data, dataDir: folder.dir, stdinSecret: stdin },
        ...{ connection, strict: values.strict, json: values.json },
      },
      io,
    );
  } catch (error) {
    return operationFailed(io, 'validate', error);
  }
}

interface StoredSelection {
  names: string[];
  all: boolean;
  scope: RegistryScope | undefined;
  dataDir: string;
  /** The secret read from standard input (--password-stdin / --aws-secret-stdin), for exactly one registry. */
  stdinSecret: string | undefined;
  connection: StoredConnection;
  strict: boolean;
  json: boolean;
}

type Outcome =
  | { record: RegistryRecord; verdict: Verdict; report: ValidationReport }
  | { record: RegistryRecord; verdict: 'not-run'; problem: AppError };

/**
 * `regdesk validate --name NAME... | --all`: each stored registry validated as the window's
 * Validate does it (the stored configuration, the verdict recorded against its fingerprint), one
 * after the other. Returns the exit code, or a usage error for the caller to print.
 */
async function validateStoredRegistries(selection: StoredSelection, io: CommandIo): Promise<number | { error: string }> {
  const services = createServices({
    appInfo: { name: PRODUCT_NAME, version: __APP_VERSION__, platform: process.platform, host: 'cli' },
    store: openStore(selection.dataDir, (text) => io.err.write(`regdesk validate: ${printable(text)}\n`)),
  });
  const chosen = choose(services.registries.list(selection.scope), selection);
  if ('error' in chosen) return chosen;
  if (selection.stdinSecret !== undefined && chosen.records.length !== 1) {
    return {
      error: `a secret on standard input is for one registry, and ${chosen.records.length} were chosen: use REGDESK_PASSWORD_<NAME>`,
    };
  }
  if (selection.stdinSecret !== undefined && !secretFieldOf(chosen.records[0]!)) {
    return { error: `${quoted(chosen.records[0]!.name)} signs in with no secret: nothing to read from standard input` };
  }

  let runId: string | undefined;
  let cancelled = false;
  const onSignal = () => {
    cancelled = true;
    if (runId) services.validation.cancel(runId);
  };
  process.once('SIGINT', onSignal);
  const outcomes: Outcome[] = [];
  try {
    for (const record of chosen.records) {
      if (cancelled) break;
      runId = randomUUID();
      const outcome = await validateOne(record, runId);
      outcomes.push(outcome);
      if (!selection.json) io.out.write(formatOutcome(outcome, chosen.records.length > 1));
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
  if (selection.json) {
    const registries = outcomes.map((o) => ({
      id: o.record.id,
      name: o.record.name,
      scope: o.record.scope,
      verdict: o.verdict,
      ...('report' in o ? { report: jsonReport(o.report) } : { error: o.problem }),
    }));
    io.out.write(`${JSON.stringify({ registries }, null, 2)}\n`);
  } else if (outcomes.length > 1) {
    io.out.write(['Summary:', ...outcomes.map((o) => `  ${o.record.name} (${o.record.scope}): ${verdictWords(o)}`)].join('\n') + '\n');
  }
  const passed = (o: Outcome) => o.verdict === 'validated' || (o.verdict === 'warnings' && !selection.strict);
  return !cancelled && outcomes.every(passed) ? 0 : 1;

  async function validateOne(record: RegistryRecord, id: string): Promise<Outcome> {
    try {
      const secrets = givenSecrets(record, selection.stdinSecret, io.env);
      const { report } = await services.validateStored(id, record.id, () => undefined, { secrets, connection: selection.connection });
      return { record, verdict: reportVerdict(report), report };
    } catch (error) {
      if (!(error instanceof AppErrorException)) throw error;
      return { record, verdict: 'not-run', problem: secretProblem(record, error.appError) };
    }
  }
}

/** The registries named (each name must match at least one), or all of them, in the store's order. */
function choose(records: RegistryRecord[], selection: StoredSelection): { records: RegistryRecord[] } | { error: string } {
  if (selection.all) return records.length > 0 ? { records } : { error: `no registries are stored in ${selection.dataDir}` };
  const wanted = new Set(selection.names.map(nameKey));
  const unknown = selection.names.filter((name) => !records.some((record) => nameKey(record.name) === nameKey(name)));
  if (unknown.length > 0) {
    const where = selection.scope ? `${selection.scope} registries in ${selection.dataDir}` : selection.dataDir;
    return { error: `no stored registry is called ${unknown.map(quoted).join(', ')} (looked in ${where}; see regdesk list)` };
  }
  return { records: records.filter((record) => wanted.has(nameKey(record.name))) };
}

/** The secret the environment or standard input gives for this registry; the vault answers for the rest. */
function givenSecrets(record: RegistryRecord, stdin: string | undefined, env: NodeJS.ProcessEnv): Partial<Record<SecretField, string>> {
  const field = secretFieldOf(record);
  if (!field) return {};
  const value = stdin ?? env[secretVariable(field, record.name)];
  return value === undefined || value === '' ? {} : { [field]: value };
}

/** The secret a stored registry validates with, if any: Basic with a username, ECR with an access key. */
function secretFieldOf(record: RegistryRecord): SecretField | undefined {
  if (record.type === 'basic') return record.username !== '' ? 'password' : undefined;
  return record.isPrivate && record.awsAuth?.method === 'credentials' ? 'awsSecretAccessKey' : undefined;
}

/** A secret the app stored but this process cannot decrypt: say how to give it, not what the app's window would say. */
function secretProblem(record: RegistryRecord, problem: AppError): AppError {
  const field = secretFieldOf(record);
  if (!field || (problem.code !== 'SECRET_STORAGE_UNAVAILABLE' && problem.code !== 'SECRET_UNUSABLE')) return problem;
  const what = field === 'password' ? 'password' : 'AWS secret access key';
  const flag = field === 'password' ? '--password-stdin' : '--aws-secret-stdin';
  return {
    code: problem.code,
    message: `The ${what} of ${record.name} is stored in the desktop app's keychain, which the command line cannot reach.`,
    remedy: `Set ${secretVariable(field, record.name)} in the environment (or, for this registry alone, use ${flag}).`,
  };
}

function verdictWords(outcome: Outcome): string {
  return outcome.verdict === 'not-run' ? `not validated (${outcome.problem.code})` : VERDICT_TITLES[outcome.verdict];
}

function formatOutcome(outcome: Outcome, several: boolean): string {
  const heading = several ? `${outcome.record.name} (${outcome.record.scope})\n` : '';
  if ('report' in outcome) return `${heading}${formatChecklist(outcome.report)}${several ? '\n' : ''}`;
  const { message, remedy, code } = outcome.problem;
  return `${heading}${VERDICT_TITLES.failed}: ${outcome.record.name} (${outcome.record.scope}): ${message}${remedy ? `\n  ${remedy}` : ''}\n  [${code}]\n${several ? '\n' : ''}`;
}
