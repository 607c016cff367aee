import { ExportFormatSchema } from '../../shared/model/export';
import { RegistryScopeSchema } from '../../shared/model/registry';
import { nameKey } from '../services/store/registry-names';
import { cliServices } from './cli-services';
import { defineCommand, usageErrorFor, type Parsed } from './command';
import { DATA_DIR_OPTION, dataDirOption } from './data-dir';
import { operationFailed, quoted, type CommandIo } from './io';

const usageError = usageErrorFor('export');

export const EXPORT_USAGE = `Usage: regdesk export [--format palette|terraform|draft] [--include-secrets]
                     [--scope system|tenant] [--name NAME]... [--data-dir DIR]

Writes the stored pack registries to standard output:
  palette     the create and validate requests of Palette's API (default)
  terraform   spectrocloud_registry_oci resources, secrets as sensitive variables
              (tenant registries only: system registries become tenant-level)
  draft       the app's draft file, which \`regdesk import\` and the app read

Options:
  --format FORMAT     palette, terraform or draft
  --include-secrets   Write the secrets in plain text instead of placeholders or
                      variables (not for draft). The command line cannot decrypt the
                      app's secrets: when a secret cannot be read, a placeholder is
                      written in its place and the command exits 1.
  --scope SCOPE       Only system or only tenant registries
  --name NAME         Only this registry (repeat for several)
  --data-dir DIR      Use DIR instead of the desktop app's data folder

Exit codes: 0 exported, 1 nothing to export, the store is unreadable, or
--include-secrets could not write every secret, 2 bad input.
`;

const OPTIONS = {
  format: { type: 'string', default: 'palette' },
  'include-secrets': { type: 'boolean', default: false },
  scope: { type: 'string' },
  name: { type: 'string', multiple: true },
  ...DATA_DIR_OPTION,
} as const;

export const exportCommand = defineCommand({ name: 'export', usage: EXPORT_USAGE, options: OPTIONS, run: exportRegistries });

async function exportRegistries({ values }: Parsed<typeof OPTIONS>, io: CommandIo): Promise<number> {
  const format = ExportFormatSchema.safeParse(values.format);
  if (!format.success) return usageError(io, `--format must be palette, terraform or draft, not ${quoted(values.format)}`);
  const scope = values.scope === undefined ? undefined : RegistryScopeSchema.safeParse(values.scope);
  if (scope && !scope.success) return usageError(io, `--scope must be "system" or "tenant", not ${quoted(values.scope!)}`);
  const includeSecrets = values['include-secrets'];
  if (includeSecrets && format.data === 'draft')
    return usageError(io, 'a draft file never holds secrets: --include-secrets goes with --format palette or terraform');
  const folder = await dataDirOption(values['data-dir'], { reading: true, env: io.env });
  if ('error' in folder) return usageError(io, folder.error);

  try {
    const services = cliServices('export', folder.dir, io);
    let records = services.registries.list(scope?.data);
    const names = values.name ?? [];
    if (names.length > 0) {
      const missing = names.filter((n) => !records.some((r) => nameKey(r.name) === nameKey(n)));
      if (missing.length > 0) {
        io.err.write(
          `regdesk export: no stored registry named ${missing.map(quoted).join(', ')}${scope ? ` in the ${scope.data} scope` : ''}\n`,
        );
        return 1;
      }
      records = records.filter((r) => names.some((n) => nameKey(n) === nameKey(r.name)));
    }
    if (records.length === 0) {
      io.err.write(`regdesk export: no pack registries stored${scope ? ` in the ${scope.data} scope` : ''}; nothing to export\n`);
      return 1;
    }
    if (includeSecrets) {
      io.err.write(
        'regdesk export: WARNING: --include-secrets writes secrets in plain text to standard output. Keep the result out of version control and shell logs.\n',
      );
    }
    const result = await services.exports.render({ ids: records.map((r) => r.id), format: format.data, includeSecrets });
    for (const note of result.notes) io.err.write(`regdesk export: ${note.registry} (${note.scope}): ${note.problem.message}\n`);
    if (result.systemAsTenant > 0) {
      io.err.write(
        `regdesk export: ${result.systemAsTenant} system ${result.systemAsTenant === 1 ? 'registry becomes a tenant-level registry' : 'registries become tenant-level registries'} in Terraform (the Spectro Cloud provider manages tenant registries only); use --format palette to keep them system-level\n`,
      );
    }
    for (const file of result.files) io.out.write(file.content);
    const placeholders = result.notes.filter((note) => note.problem.code === 'EXPORT_SECRET_UNAVAILABLE').length;
    if (includeSecrets && placeholders > 0) {
      // Asked for secrets and got placeholders: a script must not take this output for a usable one.
      io.err.write(
        `regdesk export: --include-secrets: ${placeholders} ${placeholders === 1 ? 'secret' : 'secrets'} could not be read, so the output holds placeholders instead; the command line cannot decrypt the app's secrets. Export with secrets from the app (Export… > Include secrets), or leave out --include-secrets.\n  [EXPORT_SECRET_UNAVAILABLE]\n`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    return operationFailed(io, 'export', error);
  }
}
