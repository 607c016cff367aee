import type { AppError } from '../../../../shared/errors';
import { ApiError } from '../../api/client';

export type Problem = Pick<AppError, 'message'> & { remedy?: string | undefined };

/** What went wrong, as main said it (sentence and remedy), or the plain error text. */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return error.error;
  return { message: error instanceof Error ? error.message : String(error) };
}
