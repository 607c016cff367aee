import { z } from 'zod';

/** Any private key a CA field could be handed by mistake: PEM of every kind, and PuTTY's format. */
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File-/;

/**
 * CA certificates as a person or a draft file supplies them. A private key pasted or exported
 * along with them is refused, not stored: registries.json is a plain file. (The stored records'
 * schema does not check this, so that a store written before cannot become unreadable.)
 */
export const CaPemInputSchema = z
  .string()
  .max(1_048_576)
  .refine((pem) => !PRIVATE_KEY.test(pem), {
    message: 'This holds a private key, which must never leave its server: supply only the CA certificate.',
  });
