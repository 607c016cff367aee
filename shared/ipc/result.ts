import { z } from 'zod';
import { errorCatalog, type AppError } from '../errors';

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

const errorCodes = Object.keys(errorCatalog) as [keyof typeof errorCatalog, ...(keyof typeof errorCatalog)[]];

export const AppErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  remedy: z.string().optional(),
  field: z.string().optional(),
});

/** The envelope as it crosses a process boundary; used where the far side is not trusted to be ours. */
export function resultSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: AppErrorSchema })]);
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });
