import type { ValidationStep } from '../../shared/model/validation';

/**
 * The catalog's remedies for TLS failures name the window's controls (upload a CA certificate,
 * the Insecure Skip TLS Verify switch). On the command line the same remedy is a flag, so the
 * report says that instead: the remedy fits the host that shows it.
 */
const COMMAND_LINE_REMEDIES: Partial<Record<string, string>> = {
  TLS_UNKNOWN_CA: "Give the registry's CA certificate with --ca-file FILE, or, only for a test registry, add --insecure-skip-tls-verify.",
  TLS_SELF_SIGNED: 'Give that certificate with --ca-file FILE, or give the registry a certificate issued by your CA.',
  TLS_INCOMPLETE_CHAIN:
    'Configure the registry to send its full chain, or give the intermediate and root CA certificates with --ca-file FILE.',
};

export function commandLineRemedy(problem: NonNullable<ValidationStep['problem']>): string | undefined {
  return COMMAND_LINE_REMEDIES[problem.code] ?? problem.remedy;
}
