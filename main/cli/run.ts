import { main } from './index';

// `regdesk list | head -1`: the reader is gone, which is how a pipe ends, not a failure. Later
// writes are dropped and the command finishes its work (an import still completes) and exits
// quietly, with no stack trace. Any other stream error is still a bug.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug, not a usage problem: one line naming it, and no stack trace for the admin to parse.
  // REGDESK_DEBUG=1 shows the trace when someone is debugging.
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`regdesk: unexpected failure: ${detail.split('\n')[0]}\n`);
  if (process.env['REGDESK_DEBUG'] === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}
