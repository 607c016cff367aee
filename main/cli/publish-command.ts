import { AppErrorException } from '../../shared/errors';
import { PublishInputSchema, SyncStatusInputSchema, type PublishResult, type SyncState } from '../../shared/model/publish';
import type { RegistryRecord } from '../../shared/model/registry';
import { paletteRequests, placeholders } from '../services/export/palette-payloads';
import { assertForPalette } from '../services/export/palette-rules';
import { nameKey } from '../services/store/registry-names';
import { cliServices } from './cli-services';
import { defineCommand, PASSWORD_STDIN_OPTION, usageErrorFor, type Parsed } from './command';
import { DATA_DIR_OPTION, dataDirOption } from './data-dir';
import { printable, quoted, secretFromStdin, type CommandIo } from './io';
import { readInputFile } from './read-input-file';
import { loadCaFile } from './validate-command';

const usageError = usageErrorFor('publish');

export const PUBLISH_USAGE = `Usage: regdesk publish NAME... --palette-url URL [--ca-file F] [--wait-sync]
                      [--timeout S] [--sync-interval S] [--dry-run] [--json] [--data-dir DIR]

Publishes stored pack registries to Palette: each is looked up by name, created when
absent, updated when a field differs (the difference is printed), left alone when equal.

Sign-in (never a flag value):
  REGDESK_PALETTE_API_KEY or --api-key-file FILE   a tenant API key (tenant registries)
  REGDESK_PALETTE_TOKEN or --token-file FILE       an Authorization token copied from a
                                                   signed-in console (system registries)
Secrets the command line cannot read from the app's keychain:
  --password-stdin or REGDESK_PASSWORD             the Basic registries' password
  AWS_SECRET_ACCESS_KEY                            the ECR secret access key

Options:
  --palette-url URL   The Palette instance, e.g. https://palette.example.com
  --ca-file FILE      CA certificates to trust for Palette besides the system's
  --insecure-skip-tls-verify   Do not verify Palette's certificate (test instances)
  --allow-http        Accept a plain http Palette URL: the key or token crosses the
                      network unencrypted
  --validate-first    Ask Palette to validate the registry before writing it
  --wait-sync         Follow Palette's sync until it completes, fails or --timeout
  --timeout S         Seconds to wait for the sync (default 300)
  --sync-interval S   Seconds between two sync status reads with --wait-sync
                      (default 5; 0.1 to 3600)
  --dry-run           Print the requests with placeholders and send nothing
  --json              Print the results as JSON
  --data-dir DIR      Use DIR instead of the desktop app's data folder

Exit codes: 0 created, updated or unchanged (and synced with --wait-sync), 1 refused by
Palette, unreachable, or the sync failed or did not finish, 2 bad input.
`;

/** Refused before anything is sent: the input is at fault, not Palette. */
const BAD_INPUT = new Set([
  'PUBLISH_URL_INVALID',
  'PUBLISH_HTTP_NOT_ALLOWED',
  'PUBLISH_SCOPE_MISMATCH',
  'PUBLISH_SECRET_MISSING',
  'PALETTE_BASE_PATH_REQUIRED',
  'PALETTE_PARTITION_UNSUPPORTED',
]);

async function secretFromFile(path: string, what: string): Promise<{ value: string } | { error: string }> {
  const file = await readInputFile(path, 64 * 1024);
  if (!file.ok)
    return { error: `cannot read the ${what} file ${quoted(path)} (${file.problem === 'unreadable' ? file.code : file.problem})` };
  const value = file.text.trim();
  return value ? { value } : { error: `the ${what} file ${quoted(path)} is empty` };
}

function describeSync(sync: SyncState): string {
  return `${sync.state}${sync.status ? ` (${printable(sync.status)})` : ''}${sync.message ? `: ${printable(sync.message)}` : ''}`;
}

const OPTIONS = {
  'palette-url': { type: 'string' },
  'ca-file': { type: 'string' },
  'insecure-skip-tls-verify': { type: 'boolean', default: false },
  'allow-http': { type: 'boolean', default: false },
  'api-key-file': { type: 'string' },
  'token-file': { type: 'string' },
  ...PASSWORD_STDIN_OPTION,
  'validate-first': { type: 'boolean', default: false },
  'wait-sync': { type: 'boolean', default: false },
  timeout: { type: 'string', default: '300' },
  'sync-interval': { type: 'string', default: '5' },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  ...DATA_DIR_OPTION,
} as const;

export const publishCommand = defineCommand({
  name: 'publish',
  usage: PUBLISH_USAGE,
  options: OPTIONS,
  allowPositionals: true,
  run: publishRegistries,
});

async function publishRegistries({ values, positionals: names }: Parsed<typeof OPTIONS, true>, io: CommandIo): Promise<number> {
  if (names.length === 0) return usageError(io, 'name at least one stored registry to publish');
  if (!values['palette-url']) return usageError(io, '--palette-url is required');
  const timeout = Number(values.timeout);
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 86_400)
    return usageError(io, `--timeout must be whole seconds from 1 to 86400, not ${quoted(values.timeout)}`);
  const syncInterval = Number(values['sync-interval']);
  if (!(syncInterval >= 0.1 && syncInterval <= 3600))
    return usageError(io, `--sync-interval must be seconds from 0.1 to 3600, not ${quoted(values['sync-interval'])}`);
  const folder = await dataDirOption(values['data-dir'], { reading: true });
  if ('error' in folder) return usageError(io, folder.error);

  let auth: { kind: 'apiKey'; apiKey: string } | { kind: 'token'; token: string } | undefined;
  const tokenFile = values['token-file'] ? await secretFromFile(values['token-file'], 'token') : undefined;
  const keyFile = values['api-key-file'] ? await secretFromFile(values['api-key-file'], 'API key') : undefined;
  for (const file of [tokenFile, keyFile]) if (file && 'error' in file) return usageError(io, file.error);
  const token = (tokenFile && 'value' in tokenFile ? tokenFile.value : undefined) ?? io.env['REGDESK_PALETTE_TOKEN'];
  const apiKey = (keyFile && 'value' in keyFile ? keyFile.value : undefined) ?? io.env['REGDESK_PALETTE_API_KEY'];
  if (token) auth = { kind: 'token', token };
  else if (apiKey) auth = { kind: 'apiKey', apiKey };
  if (!auth && !values['dry-run'])
    return usageError(io, 'no sign-in: set REGDESK_PALETTE_API_KEY (or --api-key-file), or REGDESK_PALETTE_TOKEN (or --token-file)');

  let caPem: string | undefined;
  if (values['ca-file'] !== undefined) {
    const loaded = await loadCaFile(values['ca-file']);
    if ('error' in loaded) return usageError(io, loaded.error);
    caPem = loaded.pem;
  }
  const password = values['password-stdin'] ? await secretFromStdin(io) : io.env['REGDESK_PASSWORD'];
  const given = {
    ...(password ? { password } : {}),
    ...(io.env['AWS_SECRET_ACCESS_KEY'] ? { awsSecretAccessKey: io.env['AWS_SECRET_ACCESS_KEY'] } : {}),
  };

  const services = cliServices('publish', folder.dir, io);
  const stored = services.registries.list();
  const records: RegistryRecord[] = [];
  for (const name of names) {
    const matches = stored.filter((r) => nameKey(r.name) === nameKey(name));
    // A name held in both scopes is published in the scope the sign-in can reach.
    const pick = matches.length > 1 && auth ? matches.find((r) => (r.scope === 'tenant') === (auth.kind === 'apiKey')) : matches[0];
    if (!pick) return usageError(io, `no stored registry named ${quoted(name)}`);
    records.push(pick);
  }
  const connection = {
    paletteUrl: values['palette-url'],
    tls: { insecureSkipVerify: values['insecure-skip-tls-verify'], ...(caPem ? { caPem } : {}) },
    allowHttp: values['allow-http'],
  };

  try {
    if (values['dry-run']) return dryRun(io, records, values.json);
    const results: Array<PublishResult & { sync?: SyncState; timedOut?: boolean }> = [];
    let exit = 0;
    for (const record of records) {
      const input = PublishInputSchema.parse({ ...connection, auth, id: record.id, validateFirst: values['validate-first'] });
      const result: PublishResult & { sync?: SyncState; timedOut?: boolean } = await services.publish.send(input, given);
      if (!values.json) printResult(io, result);
      if (!result.ok) exit = 1;
      if (result.ok && values['wait-sync'] && result.uid) {
        const followed = await services.publish.followSync(
          SyncStatusInputSchema.parse({ ...connection, auth, uid: result.uid, kind: result.kind }),
          {
            timeoutMs: timeout * 1000,
            pollMs: syncInterval * 1000,
            onProgress: (sync) => values.json || io.out.write(`  sync: ${describeSync(sync)}\n`),
          },
        );
        if (followed.sync) result.sync = followed.sync;
        result.timedOut = followed.timedOut;
        if (!followed.ok) {
          exit = 1;
          if (!values.json)
            io.err.write(
              `regdesk publish: ${printable(record.name)}: ${followed.timedOut ? `not synced within ${timeout} s` : 'the sync failed'}\n`,
            );
        }
      }
      results.push(result);
    }
    if (values.json) io.out.write(`${JSON.stringify(results, null, 2)}\n`);
    return exit;
  } catch (error) {
    if (!(error instanceof AppErrorException)) throw error;
    const { code, message, remedy } = error.appError;
    io.err.write(`regdesk publish: ${printable(message)}${remedy ? `\n  ${remedy}` : ''}\n  [${code}]\n`);
    return BAD_INPUT.has(code) ? 2 : 1;
  }
}

function printResult(io: CommandIo, result: PublishResult): void {
  io.out.write(`${printable(result.registry)}: ${result.outcome}${result.uid ? ` (uid ${printable(result.uid)})` : ''}\n`);
  for (const d of result.differences)
    io.out.write(`  ${d.field}: ${printable(JSON.stringify(d.palette))} in Palette -> ${printable(JSON.stringify(d.local))}\n`);
  if (result.outcome === 'refused') {
    const failed = result.steps.findLast((s) => !s.ok);
    io.err.write(
      `regdesk publish: ${printable(result.registry)}: ${printable(result.message ?? 'refused')}${failed ? ` [${failed.method} ${failed.path} -> ${failed.status}]` : ''}\n`,
    );
  }
}

/** The requests a publish would send, secrets as placeholders; nothing leaves the machine. */
function dryRun(io: CommandIo, records: RegistryRecord[], json: boolean): number {
  assertForPalette(records);
  const plans = records.map((record) => {
    const { validate, create } = paletteRequests(record, placeholders);
    return {
      registry: record.name,
      scope: record.scope,
      signIn: record.scope === 'system' ? 'Authorization: <token>' : 'ApiKey: <api-key>',
      lookup: { method: 'GET', path: '/v1/registries/oci/summary' },
      ifAbsent: create,
      ifDifferent: { method: 'PUT', path: `/v1/registries/oci/{uid}/${record.type}`, body: create.body },
      validate,
    };
  });
  if (json) io.out.write(`${JSON.stringify(plans, null, 2)}\n`);
  else {
    for (const plan of plans) {
      io.out.write(`${printable(plan.registry)} (${plan.scope}), signed in with ${plan.signIn}:\n`);
      io.out.write(
        `  GET ${plan.lookup.path}\n  then, if absent: ${plan.ifAbsent.method} ${plan.ifAbsent.path}\n  or, if a field differs: PUT ${plan.ifDifferent.path}\n`,
      );
      io.out.write(`${JSON.stringify(plan.ifAbsent.body, null, 2).replace(/^/gm, '    ')}\n`);
    }
    io.out.write('Dry run: nothing was sent.\n');
  }
  return 0;
}
