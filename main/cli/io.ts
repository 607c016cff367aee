import { AppErrorException } from '../../shared/errors';
import { terminalText } from './terminal-text';

/** What a command may touch: its output streams, standard input and the environment. */
export interface CommandIo {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
}

export async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A secret given on standard input (`--password-stdin`): the whole of it, but the line break `echo` adds. */
export async function secretFromStdin(io: CommandIo): Promise<string> {
  return (await io.readStdin()).replace(/\r?\n$/, '');
}

const MAX_QUOTED = 80;
const MAX_MESSAGE = 400;

/** One line's worth: the terminal rule, and a tab shown too, so a message cannot be laid out by its content. */
function escapeControls(text: string): string {
  return terminalText(text).replace(/\t/g, '\\t');
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : text;
}

/**
 * A value from the command line as an error message quotes it: in double quotes, control
 * characters escaped so a pasted escape sequence cannot drive the terminal, and cut short so a
 * 10 KB argument does not bury the message.
 */
export function quoted(value: string): string {
  return `"${cut(escapeControls(value.replace(/\n/g, '\\n')), MAX_QUOTED)}"`;
}

/** A message that may carry command-line text (parseArgs echoes option names): printable and bounded. */
export function printable(message: string): string {
  return cut(escapeControls(message), MAX_MESSAGE);
}

/** True when the text holds a character a terminal acts on (newline included). */
export function hasControlCharacters(text: string): boolean {
  return /[\n\t]/.test(text) || terminalText(text) !== text;
}

/**
 * The answer to an error a command's services threw: an AppError is printed with its sentence,
 * remedy and code, exit 1; anything else is a bug and goes on to run.ts, which prints one line.
 */
export function operationFailed(io: CommandIo, command: string, error: unknown): number {
  if (!(error instanceof AppErrorException)) throw error;
  const { code, message, remedy } = error.appError;
  io.err.write(`regdesk ${command}: ${message}${remedy ? `\n  ${remedy}` : ''}\n  [${code}]\n`);
  return 1;
}
