import type { z } from 'zod';
import { AppErrorException, appError, type AppError } from '../../shared/errors';
import { channels, type MethodName, type OutputOf, type ParsedInputOf } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { anyOf, CHARACTER_CLASSES, CONTROLS } from '../../shared/text-rules';

/** A handler receives input already parsed by the contract; it may return or throw an AppErrorException. */
export type Handler<M extends MethodName> = (input: ParsedInputOf<M>) => Promise<z.input<(typeof channels)[M]['output']>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** The boundary call, the same in Electron and in the harness. */
export type Invoke = (senderUrl: string | undefined, rawInput: unknown) => Promise<Result<unknown>>;

export interface HandleOptions {
  /** True when the URL belongs to the app's own renderer (Electron security checklist: validate senders). */
  isTrustedSender(senderUrl: string | undefined): boolean;
  log: Logger;
}

export interface Logger {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Wraps a handler with the checks every channel needs: the sender's origin, the input schema,
 * the output schema (which strips any field the contract does not name), and the Result envelope.
 * It never throws: errors thrown across Electron IPC lose their fields.
 */
export function createInvoke<M extends MethodName>(method: M, handler: Handler<M>, options: HandleOptions): Invoke {
  const spec = channels[method];
  return async (senderUrl, rawInput) => {
    if (!options.isTrustedSender(senderUrl)) {
      options.log.warn(`${spec.channel}: refused a call from an untrusted sender (${describeOrigin(senderUrl)})`);
      return fail(appError('FORBIDDEN_SENDER'));
    }
    const input = parseInput(spec.input, rawInput);
    if (!input.success) return fail(invalidInput(input.issue));
    try {
      const output = await handler(input.data as ParsedInputOf<M>);
      return ok(spec.output.parse(output) as OutputOf<M>);
    } catch (error) {
      return fail(toAppError(error, spec.channel, options.log));
    }
  };
}

type ParsedInput = { success: true; data: unknown } | { success: false; issue: z.core.$ZodIssue | undefined };

/** The renderer is untrusted: whatever it sends, parsing answers and never throws (a schema bug must not become a rejection). */
function parseInput(schema: z.ZodType, rawInput: unknown): ParsedInput {
  try {
    const parsed = schema.safeParse(rawInput);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, issue: parsed.error.issues[0] };
  } catch {
    return { success: false, issue: undefined };
  }
}

const MAX_MESSAGE_LENGTH = 200;
const MAX_FIELD_LENGTH = 120;

/**
 * zod's messages may quote the input (an unknown key, say), and the input is the renderer's: the
 * message and field go back as one bounded line without control characters, so a hostile key can
 * neither flood the window nor smuggle terminal escapes into a log.
 */
function invalidInput(issue: z.core.$ZodIssue | undefined): AppError {
  const fallback = appError('INVALID_INPUT');
  if (!issue) return fallback;
  const field = issue.path.map((part) => (typeof part === 'symbol' ? '?' : String(part))).join('.');
  return appError('INVALID_INPUT', {
    message: plainLine(issue.message, MAX_MESSAGE_LENGTH) || fallback.message,
    ...(field ? { field: plainLine(field, MAX_FIELD_LENGTH) } : {}),
  });
}

/** Every control and line separator: a log line or an error message is one line, so nothing may break or drive it. */
export const BREAKS_A_LOG_LINE = anyOf([CONTROLS, CHARACTER_CLASSES.lineSeparators], 'g');

function plainLine(text: string, maxLength: number): string {
  const clean = text.replace(BREAKS_A_LOG_LINE, '?');
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : clean;
}

function toAppError(error: unknown, channel: string, log: Logger): AppError {
  if (error instanceof AppErrorException) return error.appError;
  // Only the error's class and message are logged: inputs may hold secrets and are never logged.
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  log.error(`${channel}: unexpected failure: ${detail}`);
  return appError('INTERNAL');
}

function describeOrigin(url: string | undefined): string {
  if (!url) return 'no origin';
  try {
    return originOf(new URL(url));
  } catch {
    return 'unparseable origin';
  }
}

/**
 * Scheme and host, spelled out because WHATWG `URL.origin` is "null" for custom schemes such as
 * the app's own `app://regdesk`, and "null" must never match.
 */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/** Builds a sender check for one allowed origin, compared with a URL parser, never by prefix. */
export function trustOrigin(allowedOrigin: string): HandleOptions['isTrustedSender'] {
  const allowed = originOf(new URL(allowedOrigin));
  return (senderUrl) => {
    if (!senderUrl) return false;
    try {
      return originOf(new URL(senderUrl)) === allowed;
    } catch {
      return false;
    }
  };
}
