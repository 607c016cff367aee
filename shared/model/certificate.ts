import { z } from 'zod';

/** What an admin needs to recognise a certificate and decide whether to trust it. */
export const CertificateSummarySchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  subjectAltNames: z.array(z.string()),
  serialNumber: z.string(),
  validFrom: z.iso.datetime(),
  validTo: z.iso.datetime(),
  /** SHA-256 of the DER, colon-separated hex: compare it out of band before trusting. */
  fingerprintSha256: z.string(),
  isCa: z.boolean(),
  selfSigned: z.boolean(),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;
