/**
 * The validation steps, without zod: the registries list needs their order and names on its first
 * screen, and importing them from the schemas would load zod before anything else can draw.
 */

/** The order a connection is built in; each step stands on the ones before it. */
export const STEP_IDS = ['endpoint', 'dns', 'tcp', 'tls', 'registry-api', 'auth', 'base-path', 'packs'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** What each step is called, in reports, the command line and the window alike. */
export const STEP_TITLES: Record<StepId, string> = {
  endpoint: 'Endpoint',
  dns: 'DNS lookup',
  tcp: 'TCP connection',
  tls: 'TLS',
  'registry-api': 'Registry API (/v2/)',
  auth: 'Authentication',
  'base-path': 'Base content path',
  packs: 'Packs',
};
