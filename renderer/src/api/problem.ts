import { AppErrorException } from '../../../shared/app-error-exception';
import type { AppError } from '../../../shared/errors';

/** What the admin reads when something failed: main's sentence and, when it has one, its remedy. */
export type Problem = Pick<AppError, 'message'> & { remedy?: string | undefined };

/**
 * The one place a failure becomes a Problem: main's own sentence and remedy when main refused,
 * else the error's text. `fallback` is for rejections that carry no text of their own.
 */
export function problemOf(error: unknown, fallback?: string): Problem {
  if (error instanceof AppErrorException) return error.appError;
  if (error instanceof Error) return { message: error.message };
  return { message: fallback ?? String(error) };
}
