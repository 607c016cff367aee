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

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });
