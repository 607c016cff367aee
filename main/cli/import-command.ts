import { DRAFT_LIMITS_TEXT, MAX_DRAFT_FILE_BYTES, type ImportResolution } from '../../shared/model/import';
import { cliServices } from './cli-services';
import { defineCommand, usageErrorFor, type Parsed } from './command';
import { DATA_DIR_OPTION, dataDirOption } from './data-dir';
import { operationFailed, printable, quoted, type CommandIo } from './io';
import { readInputFile } from './read-input-file';

const usageError = usageErrorFor('import');

export const IMPORT_USAGE = `Usage: regdesk import FILE [--on-conflict fail|skip|replace|rename] [--quiet] [--data-dir DIR]

Imports the registries of a draft file (exported by the app or \`regdesk export --format draft\`).
The whole file is checked first: on any problem nothing is imported.

Options:
  --on-conflict WHAT   When a registry's name is already used in its scope:
                         fail    import nothing and list the clashes (default)
                         skip    leave it out, keep the stored one
                         replace give the stored one the file's configuration
                                 (it keeps its secrets)
                         rename  import it under a free name, "NAME (imported)"
                       The same choices as the app's Import dialog.
  -q, --quiet          Print nothing on success; problems still go to stderr
  --data-dir DIR       Use DIR instead of the desktop app's data folder

Secrets never travel in a draft file: enter them in the app after importing.
Exit codes: 0 imported, 1 the file or a clash stopped the import, 2 bad input.
`;

const CONFLICT_ACTIONS = ['fail', 'skip', 'replace', 'rename'] as const;

const OPTIONS = {
  'on-conflict': { type: 'string', default: 'fail' },
  quiet: { type: 'boolean', short: 'q', default: false },
  ...DATA_DIR_OPTION,
} as const;

export const importCommand = defineCommand({
  name: 'import',
  usage: IMPORT_USAGE,
  options: OPTIONS,
  allowPositionals: true,
  run: importDraftFile,
});

async function importDraftFile({ values, positionals }: Parsed<typeof OPTIONS, true>, io: CommandIo): Promise<number> {
  if (positionals.length !== 1)
    return usageError(io, positionals.length === 0 ? 'give the draft FILE to import' : `unexpected argument ${quoted(positionals[1]!)}`);
  const onConflict = CONFLICT_ACTIONS.find((a) => a === values['on-conflict']);
  if (!onConflict) return usageError(io, `--on-conflict must be fail, skip, replace or rename, not ${quoted(values['on-conflict'])}`);
  const folder = await dataDirOption(values['data-dir'], { env: io.env });
  if ('error' in folder) return usageError(io, folder.error);
  // The file is the operation's input, so a file that cannot be imported exits 1 (see the usage), as a clash does.
  const path = positionals[0]!;
  const shownPath = printable(path);
  const file = await readInputFile(path, MAX_DRAFT_FILE_BYTES);
  if (!file.ok) {
    io.err.write(
      file.problem === 'too-large'
        ? `regdesk import: ${shownPath}: the file is larger than ${DRAFT_LIMITS_TEXT.bytes}, the most a draft file may hold; nothing was imported\n  ${DRAFT_LIMITS_TEXT.wayRound} [IMPORT_TOO_LARGE]\n`
        : `regdesk import: cannot read ${shownPath}: ${file.problem === 'not-a-file' ? 'not a regular file' : file.code}\n`,
    );
    return 1;
  }
  const content = file.text;

  try {
    const services = cliServices('import', folder.dir, io);
    const preview = services.imports.preview(content);
    if (preview.errors.length > 0) {
      for (const issue of preview.errors)
        // The messages quote the file (a JSON syntax error shows the bytes it met): printable, like anything else from outside.
        io.err.write(
          `regdesk import: ${shownPath}${issue.path ? `: ${printable(issue.path)}` : ''}: ${printable(issue.message)} [${issue.code}]\n`,
        );
      io.err.write('regdesk import: nothing was imported\n');
      return 1;
    }
    if (preview.conflicts.length > 0 && onConflict === 'fail') {
      for (const c of preview.conflicts) {
        io.err.write(
          `regdesk import: registries.${c.index}: ${quoted(c.name)} is already a stored ${c.scope} registry (${c.existing.endpoint})\n`,
        );
      }
      io.err.write(
        `regdesk import: nothing was imported; choose --on-conflict skip, --on-conflict replace or --on-conflict rename (e.g. ${quoted(preview.conflicts[0]!.proposedName)})\n  [IMPORT_CONFLICT_UNRESOLVED]\n`,
      );
      return 1;
    }
    const resolutions: ImportResolution[] =
      onConflict === 'fail'
        ? []
        : preview.conflicts.map((c) =>
            onConflict === 'rename' ? { index: c.index, action: 'rename', name: c.proposedName } : { index: c.index, action: onConflict },
          );
    const result = await services.imports.apply(content, resolutions);
    if (values.quiet) return 0;
    io.out.write(
      `Imported ${result.imported.length} of ${preview.registries.length} ${preview.registries.length === 1 ? 'registry' : 'registries'} from ${shownPath}\n`,
    );
    for (const r of result.imported) {
      const needs =
        r.needsSecrets.length > 0
          ? `  (enter its ${r.needsSecrets.map((f) => (f === 'password' ? 'password' : 'AWS secret access key')).join(' and ')} in the app)`
          : '';
      io.out.write(`  ${r.action.padEnd(8)} ${r.name} [${r.scope}, ${r.type === 'ecr' ? 'OCI/ECR' : 'OCI/Basic'}]${needs}\n`);
      for (const why of r.incomplete) io.out.write(`           incomplete for Palette: ${printable(why)}\n`);
    }
    for (const s of result.skipped) io.out.write(`  skipped  ${s.name} [${s.scope}]: a registry of that name is already stored\n`);
    return 0;
  } catch (error) {
    return operationFailed(io, 'import', error);
  }
}
