import { z } from 'zod';
import { CaPemInputSchema } from './ca-pem';

/** How to trust a server's certificate: the same choices for a registry and for Palette itself. */
export const TlsTrustSchema = z
  .object({
    insecureSkipVerify: z.boolean().default(false),
    /** PEM of the CA certificates to trust, in addition to the system's. */
    caPem: CaPemInputSchema.optional(),
    /** Trust only caPem, not the operating system's roots. */
    trustOnlySuppliedCa: z.boolean().default(false),
  })
  .default({ insecureSkipVerify: false, trustOnlySuppliedCa: false });

/** Which proxy carries the requests. */
export const ProxySettingsSchema = z
  .object({
    /** http://[user:pass@]host:port; overrides the environment's HTTPS_PROXY/HTTP_PROXY. */
    url: z.string().max(2048).optional(),
    /** Honour HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment. */
    fromEnvironment: z.boolean().default(true),
  })
  .default({ fromEnvironment: true });
