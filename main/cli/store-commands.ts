import { RegistryScopeSchema, type RegistryScope } from '../../shared/model/registry';
import { cliServices } from './cli-services';
import { defineCommand, usageErrorFor } from './command';
import { DATA_DIR_OPTION, dataDirOption } from './data-dir';
import { operationFailed, printable, quoted } from './io';
import { expiryNotices, formatTable } from './list-output';

const USAGE = {
  list: `Usage: regdesk list [--scope system|tenant] [--json] [--data-dir DIR]

Lists the stored pack registries and where each one's validation stands.

Options:
  --scope SCOPE    Only system or only tenant registries
  --json           Print them as JSON
  --data-dir DIR   Use DIR instead of the desktop app's data folder
`,
  info: `Usage: regdesk info [--json] [--data-dir DIR]

Shows the version, the platform and where the data is kept.

Options:
  --json           Print it as JSON
  --data-dir DIR   Use DIR instead of the desktop app's data folder
`,
};

/** `regdesk list` and `regdesk info`: read-only views of the desktop app's store. */
const storeCommand = (command: 'list' | 'info') =>
  defineCommand({
    name: command,
    usage: USAGE[command],
    options: {
      ...(command === 'list' ? { scope: { type: 'string' } } : {}),
      json: { type: 'boolean', default: false },
      ...DATA_DIR_OPTION,
    },
    run: async ({ values }, io) => {
      const usageError = (message: string) => usageErrorFor(command)(io, message);
      const scopeValue = typeof values['scope'] === 'string' ? values['scope'] : undefined;
      const scope = scopeValue === undefined ? undefined : RegistryScopeSchema.safeParse(scopeValue);
      if (scope && !scope.success) return usageError(`--scope must be "system" or "tenant", not ${quoted(scopeValue!)}`);
      const folder = await dataDirOption(values['data-dir'], { reading: true, env: io.env });
      if ('error' in folder) return usageError(folder.error);
      const dataDir = folder.dir;
      try {
        const services = cliServices(command, dataDir, io);
        if (command === 'list') {
          const registries = services.registries.listSummaries(scope?.data);
          if (!values.json && registries.length === 0) io.out.write(nothingStored(dataDir, scope?.data));
          else io.out.write(values.json ? `${JSON.stringify(registries, null, 2)}\n` : formatTable(registries));
          // On stderr, so the table stays parseable.
          io.err.write(expiryNotices(registries, Date.now()));
        } else {
          const info = { ...(await services.app.info()), dataDir };
          io.out.write(
            values.json
              ? `${JSON.stringify(info, null, 2)}\n`
              : `${info.name} ${info.version} (${info.platform})\nData folder: ${dataDir}\n`,
          );
        }
        return 0;
      } catch (error) {
        return operationFailed(io, command, error);
      }
    },
  });

export const listCommand = storeCommand('list');
export const infoCommand = storeCommand('info');

/** An empty list names the folder it read, so a wrong or default data folder is seen at once. */
function nothingStored(dataDir: string, scope: RegistryScope | undefined): string {
  return (
    `No ${scope ? `${scope} ` : ''}pack registries stored in ${printable(dataDir)}\n` +
    '(--data-dir DIR or REGDESK_USER_DATA_DIR read another folder)\n'
  );
}
