import { appError } from '../../../../shared/errors';
import type { PackFound } from '../../../../shared/model/validation';
import { StepProblem } from '../core/step-problem';
import { ok, pass, skipped, warn, type Passed, type StepOutcome } from '../core/step-runner';
import { archiveRepository, listTags, packsUnder, readCatalog, summarizePacks } from './pack-discovery';
import type { SignedIn } from './registry-steps';

/** The pack repositories under the base content path. */
export interface Listed extends SignedIn {
  packRepositories: string[];
}

/**
 * The base-path verdict once the repositories are listed (by the registry's catalog or ECR's
 * API): packs under the archive, or packs under another base path to suggest. Undefined when
 * there are none at all, which each caller words for its registry.
 */
export function packsListedVerdict(
  listed: { packs: string[]; otherBases: string[]; archive: string },
  observed: string[],
): StepOutcome | undefined {
  const { packs, otherBases, archive } = listed;
  if (packs.length > 0)
    return ok(`${packs.length} pack ${packs.length === 1 ? 'repository' : 'repositories'} under ${archive}/`, ...observed);
  if (otherBases.length === 0) return undefined;
  const suggestion = otherBases.map((b) => (b ? `"${b}"` : 'empty (the root)')).join(' or ');
  return warn(
    appError('BASE_PATH_EMPTY', {
      message: `No packs under ${archive}/, but there are packs with base content path ${suggestion}.`,
      remedy: `Set Base Content Path to ${suggestion}.`,
    }),
    ...observed,
  );
}

/** Hands on the pack repositories the base path holds, and counts them for the report, whatever the verdict. */
export function withPacks(at: SignedIn, packRepositories: string[], outcome: StepOutcome): Passed<Listed> {
  at.run.facts.packCount = packRepositories.length;
  return pass({ ...at, packRepositories }, outcome);
}

export async function basePathStep(at: SignedIn): Promise<Passed<Listed>> {
  const { run, network, endpoint, auth, catalogAhead } = at;
  const archive = archiveRepository(run.request.baseContentPath);
  const catalog = await (catalogAhead ?? readCatalog(network.http, endpoint, auth));
  if (catalog.listed) {
    const { packs, otherBases } = packsUnder(catalog.repositories, archive);
    const observed = [
      ...catalog.observed,
      `${catalog.repositories.length} repositories listed${catalog.truncated ? ' (listing cut short)' : ''}; ${packs.length} under ${archive}/`,
    ];
    return withPacks(
      at,
      packs,
      packsListedVerdict({ packs, otherBases, archive }, observed) ??
        warn(appError('BASE_PATH_EMPTY', { message: `No packs under ${archive}/.` }), ...observed),
    );
  }
  // Without the catalog, the archive repository itself is the one thing that can be probed.
  const probe = await listTags(network.http, endpoint, auth, archive);
  const observed = [
    ...catalog.observed,
    `GET /v2/${archive}/tags/list → ${probe.status === 'denied' ? probe.httpStatus : probe.status === 'missing' ? '404' : '200'}`,
  ];
  if (probe.status === 'denied') {
    throw new StepProblem(appError('BASE_PATH_DENIED', { message: `These credentials may not pull from ${archive}.` }), observed);
  }
  observed.push(
    probe.status === 'found'
      ? `${archive} exists as a repository`
      : `${archive} is not itself a repository (Harbor and ECR setups often create one)`,
  );
  return withPacks(at, [], warn(appError('BASE_PATH_UNVERIFIED'), ...observed));
}

export async function packsStep(listed: Listed): Promise<Passed<undefined>> {
  return pass(undefined, await packsVerdict(listed));
}

async function packsVerdict({ run, network, endpoint, auth, packRepositories: names }: Listed): Promise<StepOutcome> {
  const { request } = run;
  if (names.length === 0) return skipped('no pack repositories to read');
  if (request.maxPacks === 0) return skipped(`${names.length} pack repositories found; reading their versions was not asked for`);
  const archive = archiveRepository(request.baseContentPath);
  const shown = names.slice(0, request.maxPacks);
  const repositories = shown.map((name) => `${archive}/${name}`);
  // The tags requests do not depend on one another: one token exchange for all their scopes, then
  // the requests overlap on the registry's one connection.
  const tokenRequests = await auth.prepare(repositories.map((repository) => `repository:${repository}:pull`));
  const answers = await mapBounded(repositories, OVERLAPPING_TAG_REQUESTS, (repository) =>
    listTags(network.http, endpoint, auth, repository),
  );
  const found: PackFound[] = [];
  const denied: string[] = [];
  answers.forEach((tags, i) => {
    const name = shown[i]!;
    if (tags.status === 'found' && tags.tags.length > 0) found.push({ name, versions: tags.tags });
    if (tags.status === 'denied') denied.push(name);
  });
  run.facts.packs = found;
  const observed = [
    `read tags of ${shown.length} of ${names.length} pack repositories`,
    ...(tokenRequests > 0
      ? [
          `pull scopes for ${shown.length} repositories asked in ${tokenRequests} token request${tokenRequests === 1 ? '' : 's'}: one more round trip to the token service`,
        ]
      : []),
    ...(found.length ? [summarizePacks(found)] : []),
  ];
  if (denied.length === shown.length) {
    throw new StepProblem(
      appError('BASE_PATH_DENIED', {
        message: `These credentials may list the packs but not pull them (${denied.slice(0, 3).join(', ')}…).`,
      }),
      observed,
    );
  }
  if (denied.length > 0)
    return warn(
      appError('BASE_PATH_DENIED', {
        message: `These credentials may not pull ${denied.length} of the packs: ${denied.slice(0, 5).join(', ')}.`,
      }),
      ...observed,
    );
  if (found.length === 0)
    return warn(appError('BASE_PATH_EMPTY', { message: `The pack repositories under ${archive}/ hold no versions.` }), ...observed);
  return ok(`${found.length} packs with versions`, ...observed);
}

/** Tags requests in flight at once: HTTP/2 multiplexes them on one connection; HTTP/1.1 queues them on it. */
const OVERLAPPING_TAG_REQUESTS = 8;

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
