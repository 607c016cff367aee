import { stat } from 'node:fs/promises';
import { writeDiagnosticsFile } from '../services/diagnostics/diagnostics-service';
import { cliServices } from './cli-services';
import { defineCommand, usageErrorFor, type Parsed } from './command';
import { DATA_DIR_OPTION, dataDirOption } from './data-dir';
import { hasControlCharacters, operationFailed, printable, quoted, type CommandIo } from './io';

const usageError = usageErrorFor('diagnostics');

export const DIAGNOSTICS_USAGE = `Usage: regdesk diagnostics [--output FILE] [--data-dir DIR]

Writes a diagnostics file to attach to a support request: versions, platform,
settings, the stored registries (no secrets) and their last validation. Every
secret, Authorization header and private key is replaced by a [redacted: …]
marker. Read it before you send it.

The command line has no keychain, so it cannot decrypt stored secrets to look
for them; the sweep for credential shapes applies all the same. The desktop
app (Help → Export diagnostics…) also includes this session's validations.

Options:
  -o, --output FILE  Write to FILE (readable by you only) instead of standard output
  --data-dir DIR     Use DIR instead of the desktop app's data folder

Exit codes: 0 written, 1 the store is unreadable or FILE cannot be written, 2 bad input.
`;

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  ...DATA_DIR_OPTION,
} as const;

export const diagnosticsCommand = defineCommand({ name: 'diagnostics', usage: DIAGNOSTICS_USAGE, options: OPTIONS, run: writeDiagnostics });

async function writeDiagnostics({ values }: Parsed<typeof OPTIONS>, io: CommandIo): Promise<number> {
  const output = values.output;
  if (output !== undefined && output.trim() === '') return usageError(io, '--output needs a file name');
  if (output !== undefined && hasControlCharacters(output)) return usageError(io, `--output ${quoted(output)} holds a control character`);
  if (output !== undefined && (await isFolder(output))) return usageError(io, `--output ${quoted(output)} is a folder; name a file in it`);
  const folder = await dataDirOption(values['data-dir'], { reading: true, env: io.env });
  if ('error' in folder) return usageError(io, folder.error);

  try {
    const services = cliServices('diagnostics', folder.dir, io);
    const rendering = await services.diagnostics.render();
    const redacted = `${rendering.redactions.total} ${rendering.redactions.total === 1 ? 'value' : 'values'} redacted`;
    if (output === undefined) {
      io.out.write(rendering.content);
    } else {
      await writeDiagnosticsFile(output, rendering.content);
      io.out.write(`Wrote ${rendering.bytes} bytes to ${printable(output)} (${redacted}).\n`);
    }
    return 0;
  } catch (error) {
    return operationFailed(io, 'diagnostics', error);
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // Not there yet (it will be created), or not reachable: writing it says which.
  }
}
