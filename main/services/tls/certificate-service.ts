import { AppErrorException, appError } from '../../../shared/errors';
import type { FetchPresentedChainInput, PickCertificateResult, PresentedChain } from '../../../shared/model/certificate';
import { CERTIFICATE_PICK_REQUEST, type FilePicker } from '../file-picker';
import { loadCertificateFile } from './load-certificate-file';
import { fetchPresentedChain } from './presented-chain';

export interface CertificateServicePorts {
  /** Absent where no one can be asked (the command line). */
  picker?: FilePicker | undefined;
  /** Where HTTPS_PROXY and NO_PROXY come from; process.env unless a test says otherwise. */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

/** `certs:pick` and `certs:fetch-presented`: choosing a CA file, and seeing what a server presents. */
export function createCertificateService(ports: CertificateServicePorts) {
  const now = ports.now ?? (() => new Date());
  return {
    async pick(): Promise<PickCertificateResult> {
      if (!ports.picker) throw new AppErrorException(appError('INTERNAL', { message: 'This host cannot show a file dialog.' }));
      const choice = await ports.picker.pickFile(CERTIFICATE_PICK_REQUEST);
      if (choice.canceled) return { canceled: true };
      return { canceled: false, ...(await loadCertificateFile(choice.path, now())) };
    },
    fetchPresented(input: FetchPresentedChainInput): Promise<PresentedChain> {
      return fetchPresentedChain(input, { env: ports.env ?? process.env });
    },
  };
}
export type CertificateService = ReturnType<typeof createCertificateService>;
