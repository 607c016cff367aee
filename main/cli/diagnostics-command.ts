import { stat } from 'node:fs/promises';
import { createServices } from '../services';
import { PRODUCT_NAME } from '../services/app-paths';
import { writeDiagnosticsFile } from '../services/diagnostics/diagnostics-service';
import { parseCommandLine } from './args';
import { dataDirOption } from './data-dir';
import { hasControlCharacters, operationFailed, printable, quoted, type CommandIo } from './io';
import { openStore } from './store-commands';

declare const __APP_VERSION__: string;

export const DIAGNOSTICS_USAGE = `Usage: regdesk diagnostics [--output FILE] [--data-dir DIR]

Writes a diagnostics file to attach to a support request: versions, platform,
settings, the stored registries (no secrets) and their last validation. Every
secret, Authorization header and private key is replaced by a [redacted: …]
marker. Read it before you send it.

The command line has no keychain, so it cannot decrypt stored secrets to look
for them; the sweep for credential shapes applies all the same. The desktop
app (Help → Export diagnostics…) also includes this session's validations.

Options:
  --output FILE    Write to FILE (readable by you only) instead of standard output
  --data-dir DIR   Use DIR instead of the desktop app's data folder

Exit codes: 0 written, 1 the store is unreadable or FILE cannot be written, 2 bad input.
`;

export async function diagnosticsCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandLine({
    args: argv,
    options: {
      output: { type: 'string', short: 'o' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if ('error' in parsed) return usageError(io, parsed.error);
  const { values } = parsed;
  if (values.help) {
    io.out.write(DIAGNOSTICS_USAGE);
    return 0;
  }
  const output = values.output;
  if (output !== undefined && output.trim() === '') return usageError(io, '--output needs a file name');
  if (output !== undefined && hasControlCharacters(output)) return usageError(io, `--output ${quoted(output)} holds a control character`);
  if (output !== undefined && (await isFolder(output))) return usageError(io, `--output ${quoted(output)} is a folder; name a file in it`);
  const folder = await dataDirOption(values['data-dir'], { reading: true, env: io.env });
  if ('error' in folder) return usageError(io, folder.error);

  try {
    const services = createServices({
      appInfo: { name: PRODUCT_NAME, version: __APP_VERSION__, platform: process.platform, host: 'cli' },
      store: openStore(folder.dir, (text) => io.err.write(`regdesk diagnostics: ${printable(text)}\n`)),
      env: io.env,
    });
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

function usageError(io: CommandIo, message: string): number {
  io.err.write(`regdesk diagnostics: ${printable(message)}\n\n${DIAGNOSTICS_USAGE}`);
  return 2;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // Not there yet (it will be created), or not reachable: writing it says which.
  }
}
