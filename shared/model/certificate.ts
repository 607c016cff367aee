import { z } from 'zod';
import { CERTIFICATE_WARNING_CODES } from '../certificate-errors';
import { AppErrorSchema } from '../ipc/result';

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
  /**
   * OpenSSL's name for it, e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA256". Optional only
   * because summaries made before this field existed may still be around.
   */
  signatureAlgorithm: z.string().optional(),
  /** e.g. { algorithm: 'rsa', bits: 2048 } or { algorithm: 'ec', curve: 'prime256v1' }. Optional as above. */
  publicKey: z.object({ algorithm: z.string(), bits: z.number().int().positive().optional(), curve: z.string().optional() }).optional(),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;

/** A warning about one certificate (named by fingerprint) or about the file as a whole. */
export const CertificateWarningSchema = AppErrorSchema.extend({
  code: z.enum(CERTIFICATE_WARNING_CODES),
  /** The certificate the warning is about; absent when it is about the whole file or chain. */
  fingerprintSha256: z.string().optional(),
});
export type CertificateWarning = z.infer<typeof CertificateWarningSchema>;

export const CertificateFileFormatSchema = z.enum(['pem', 'der', 'pkcs7-pem', 'pkcs7-der']);
export type CertificateFileFormat = z.infer<typeof CertificateFileFormatSchema>;

/** A certificate file as read in main: never the bytes, only what was found in them. */
export const CertificateFileSchema = z.object({
  /** The file's base name, for the card's title; the folder is not shown to the window. */
  fileName: z.string(),
  format: CertificateFileFormatSchema,
  /** Chain order where they form chains (each followed by its issuer), duplicates removed. */
  certificates: z.array(CertificateSummarySchema).min(1),
  /** The certificates above as PEM, LF line ends, in the same order: what Palette gets in `tls.certificate`. */
  pem: z.string().max(1_048_576),
  warnings: z.array(CertificateWarningSchema),
});
export type CertificateFile = z.infer<typeof CertificateFileSchema>;

export const PickCertificateResultSchema = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  CertificateFileSchema.extend({ canceled: z.literal(false) }),
]);
export type PickCertificateResult = z.infer<typeof PickCertificateResultSchema>;

export const FetchPresentedChainInputSchema = z.object({
  endpoint: z.string().min(1, 'Enter the registry endpoint.').max(2048),
  /** PEM of the CA to check the chain against (from `certs:pick`), besides the system's unless trustOnlySuppliedCa. */
  caPem: z.string().max(1_048_576).optional(),
  trustOnlySuppliedCa: z.boolean().default(false),
  proxy: z.object({ url: z.string().max(2048).optional(), fromEnvironment: z.boolean().default(true) }).default({ fromEnvironment: true }),
  connectTimeoutMs: z.number().int().min(100).max(60_000).default(10_000),
});
export type FetchPresentedChainInput = z.output<typeof FetchPresentedChainInputSchema>;

export const PresentedCertificateSchema = CertificateSummarySchema.extend({
  pem: z.string(),
  /** One of the trusted CAs (the supplied CA or, unless excluded, a system root). */
  trusted: z.boolean(),
});
export type PresentedCertificate = z.infer<typeof PresentedCertificateSchema>;

export const PresentedChainSchema = z.object({
  /** The endpoint as understood, e.g. https://registry.example:5000. */
  endpoint: z.string(),
  proxy: z.string().nullable(),
  /**
   * Leaf first, as the server sent it; when the top's issuer is a trusted CA the server did not
   * send, that CA is appended (marked `trusted`), as a verifying client completes the chain.
   */
  chain: z.array(PresentedCertificateSchema).min(1),
  /** True when the chain and host name verify against the trusted CAs. */
  verified: z.boolean(),
  /** Why it does not verify (TLS_UNKNOWN_CA, TLS_HOSTNAME_MISMATCH…); null when verified. */
  problem: AppErrorSchema.nullable(),
  /**
   * The match check: whether the supplied CA issued this chain (null inside when that cannot be
   * told: the server sends its leaf without the CA between). Null when no CA was supplied.
   */
  caMatch: z.object({ issuedByCa: z.boolean().nullable(), message: z.string() }).nullable(),
  /**
   * Trust on first use: the certificate the wizard may offer to trust (the self-signed top of
   * the chain), or why none can be offered.
   */
  trustOffer: z.discriminatedUnion('available', [
    z.object({ available: z.literal(true), index: z.number().int().nonnegative(), fingerprintSha256: z.string() }),
    z.object({ available: z.literal(false), reason: z.string() }),
  ]),
});
export type PresentedChain = z.infer<typeof PresentedChainSchema>;
