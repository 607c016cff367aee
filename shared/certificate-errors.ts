/**
 * Codes for choosing and checking CA certificates. The CERT_FILE_* codes refuse a file;
 * the others are warnings shown on a certificate card or beside a presented chain. Part of the
 * one error catalog (shared/errors.ts) and of its promise: never rename a code, add new ones.
 */
export const certificateFileErrors = {
  CERT_FILE_EMPTY: {
    message: 'The certificate file is empty.',
    remedy: 'Choose the CA certificate file itself (PEM, DER or PKCS#7); this one may not have been saved completely.',
  },
  CERT_FILE_TOO_LARGE: {
    message: 'The file is larger than 1 MiB, far more than any CA certificate file.',
    remedy: 'Choose the CA certificate (.pem, .crt, .cer, .der or .p7b), not an archive or another kind of file.',
  },
  CERT_FILE_UNREADABLE: {
    message: 'The certificate file could not be read.',
    remedy: 'Check that the file still exists and that your account may read it.',
  },
  CERT_FILE_PRIVATE_KEY: {
    message: 'The file holds a private key, so it was refused and nothing read from it was kept.',
    remedy:
      'Choose a file with the CA certificate only. A private key never belongs in a registry setting; if it was shared by mistake, treat it as exposed.',
  },
  CERT_FILE_NO_CERTIFICATE: {
    message: 'The file holds text, but no certificate.',
    remedy: 'Choose a file with -----BEGIN CERTIFICATE----- blocks, or a DER (.der, .cer) or PKCS#7 (.p7b) certificate file.',
  },
  CERT_FILE_UNRECOGNIZED: {
    message: 'The file is not a certificate in any format this app reads (PEM, DER or PKCS#7).',
    remedy: 'Export the CA certificate again as PEM or DER; archives, key stores and other binary files cannot be used.',
  },
  CERT_FILE_DAMAGED: {
    message: 'A certificate in the file is damaged and cannot be read.',
    remedy: 'Export the certificate again: files edited by hand or pasted through mail or chat often lose characters.',
  },
  CERT_NO_TLS: {
    message: 'The endpoint is plain HTTP, so the server presents no certificate.',
    remedy: 'Use https:// in the endpoint if the registry serves HTTPS.',
  },
} as const satisfies Record<string, { message: string; remedy: string }>;

/** Warnings about a chosen certificate file or a presented chain: worth reading, not blocking. */
export const certificateWarnings = {
  CERT_NOT_CA: {
    message: 'This certificate is not a certificate authority, so it cannot vouch for other certificates.',
    remedy: "Choose the certificate of the CA that issued the registry's certificate.",
  },
  CERT_EXPIRED: {
    message: 'This certificate has expired.',
    remedy: "Get the CA's current certificate from its administrator, and check this workstation's clock.",
  },
  CERT_NOT_YET_VALID: {
    message: 'This certificate is not valid yet.',
    remedy: "Check this workstation's clock, or wait until the certificate's start date.",
  },
  CERT_WEAK_SIGNATURE: {
    message: 'This certificate is signed with SHA-1 or MD5, which can be forged.',
    remedy: 'Have the CA reissue it with SHA-256 or better; current clients may refuse it.',
  },
  CERT_WEAK_KEY: {
    message: 'This certificate has an RSA or DSA key shorter than 2048 bits.',
    remedy: 'Have it reissued with a 2048-bit (or larger) RSA key or an ECDSA key; current clients may refuse it.',
  },
  CERT_NOT_A_CHAIN: {
    message: 'The certificates in this file do not form one chain.',
    remedy: 'That is fine for a set of unrelated CAs; otherwise check that no intermediate or root is missing from the file.',
  },
  // Not raised: the TLS step says where the chain ends in what it observed (tls/ca-match.ts). Kept,
  // as codes are stable and never reused for another meaning.
  CERT_CA_MISMATCH: {
    message: "This CA did not issue the server's certificate.",
    remedy: "Choose the CA the registry's certificate was issued by: compare the issuer shown for the presented chain.",
  },
} as const satisfies Record<string, { message: string; remedy: string }>;

export type CertificateWarningCode = keyof typeof certificateWarnings;
export const CERTIFICATE_WARNING_CODES = Object.keys(certificateWarnings) as [CertificateWarningCode, ...CertificateWarningCode[]];

export const certificateErrors = { ...certificateFileErrors, ...certificateWarnings };
