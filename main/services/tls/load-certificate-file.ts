import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppErrorException, appError } from '../../../shared/errors';
import type { CertificateFile } from '../../../shared/model/certificate';
import { arrangeInChains, toPem } from './certificate-chains';
import { MAX_CERTIFICATE_FILE_BYTES, parseCertificateBytes } from './certificate-file';
import { summarizeCertificate } from './certificate-summary';
import { certificateWarnings } from './certificate-warnings';

/**
 * Reads, parses and judges a CA certificate file: the one path behind `certs:pick` and
 * `regdesk validate --ca-file`. Throws an AppErrorException with a CERT_FILE_* code.
 */
export async function loadCertificateFile(path: string, now = new Date()): Promise<CertificateFile> {
  const parsed = await parseCertificateBytes(await readCertificateFile(path));
  const chains = arrangeInChains(parsed.certificates);
  const ordered = chains.flat();
  const pem = ordered.map(toPem).join('');
  if (pem.length > MAX_CERTIFICATE_FILE_BYTES) {
    // DER grows by a third as PEM: a full 1 MiB DER bundle would not fit Palette's field.
    throw new AppErrorException(
      appError('CERT_FILE_TOO_LARGE', { message: `The ${ordered.length} certificates in this file make more than 1 MiB of PEM.` }),
    );
  }
  return {
    fileName: basename(path),
    format: parsed.format,
    certificates: ordered.map(summarizeCertificate),
    pem,
    warnings: certificateWarnings(chains, now),
  };
}

/**
 * Reads at most 1 MiB. The size is checked before reading, so a 5 GiB file costs nothing; the
 * file is opened non-blocking and must be a regular file, so a FIFO or device cannot hang the
 * process. Errors name the system's code (ENOENT, EACCES…), never the file's content.
 */
export async function readCertificateFile(path: string): Promise<Buffer> {
  const name = basename(path);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw unreadable(name, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new AppErrorException(appError('CERT_FILE_UNREADABLE', { message: `${name} is not a regular file.` }));
    if (stats.size > MAX_CERTIFICATE_FILE_BYTES) throw tooLarge(name, stats.size);
    // One byte more than allowed tells a file that grew since stat() from one that fits.
    const buffer = Buffer.alloc(MAX_CERTIFICATE_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > MAX_CERTIFICATE_FILE_BYTES) throw tooLarge(name, length);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof AppErrorException) throw error;
    throw unreadable(name, error);
  } finally {
    await handle.close();
  }
}

function unreadable(name: string, error: unknown): AppErrorException {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new AppErrorException(appError('CERT_FILE_UNREADABLE', { message: `${name} could not be read (${reason}).` }));
}

function tooLarge(name: string, size: number): AppErrorException {
  const mebibytes = (size / 1024 / 1024).toFixed(1);
  return new AppErrorException(
    appError('CERT_FILE_TOO_LARGE', { message: `${name} is ${mebibytes} MiB; a CA certificate file is at most 1 MiB.` }),
  );
}
