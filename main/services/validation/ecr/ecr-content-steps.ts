import { appError } from '../../../../shared/errors';
import type { PackFound } from '../../../../shared/model/validation';
import { archiveRepository, packsUnder, readCatalog, sortVersions, summarizePacks } from '../oci/pack-discovery';
import { StepProblem } from '../core/step-problem';
import { basePathStep, packsListedVerdict, packsStep, withPacks, type Listed } from '../oci/pack-steps';
import { ok, pass, skipped, warn, type Passed, type StepOutcome } from '../core/step-runner';
import type { EcrApi } from './aws-session';
import type { EcrSignedIn } from './ecr-steps';
import type { EcrTarget } from './ecr-target';

/** What the base-path step hands on, by how the registry was signed in to (EcrSignedIn). */
export type EcrListed =
  | { via: 'registry'; listed: Listed }
  | { via: 'aws'; listed: Listed; api: EcrApi; target: EcrTarget }
  | { via: 'unchecked'; reason: string };

/** 20 pages of 1000: far beyond any pack registry, and a bound on a run's AWS calls. */
const MAX_REPOSITORY_PAGES = 20;
const MAX_IMAGE_PAGES = 5;

/**
 * The base content path of a protected ECR registry, both ways Palette's docs name: the ECR API
 * (DescribeRepositories, filtered on <base>/spectro-packs/archive/, docs/reference/palette-registries.md#pack-layout) and the
 * registry's own catalog with the ECR token, as a sync reads it.
 */
export async function ecrBasePathStep(signedIn: EcrSignedIn): Promise<Passed<EcrListed>> {
  if (signedIn.via === 'unchecked') return pass(signedIn, skipped(signedIn.reason));
  if (signedIn.via === 'registry') {
    const { outcome, output } = await basePathStep(signedIn.signedIn);
    return pass({ via: 'registry', listed: output }, outcome);
  }
  const { api, target } = signedIn;
  const { run, network, endpoint, auth } = signedIn.signedIn;
  const archive = archiveRepository(run.request.baseContentPath);
  const listing = await listRepositories(api, target.registryId);
  const { packs, otherBases } = packsUnder(listing.names, archive);
  const observed = [
    `ECR DescribeRepositories${target.registryId ? ` (registry ${target.registryId})` : ''} → ${listing.names.length} repositories in ${listing.pages} ${listing.pages === 1 ? 'page' : 'pages'}${listing.truncated ? ' (listing cut short)' : ''}; ${packs.length} under ${archive}/`,
  ];
  if (!listing.names.includes(archive)) observed.push(`${archive} itself is not a repository (Palette's ECR guide creates it too)`);
  const catalog = await readCatalog(network.http, endpoint, auth);
  observed.push(...catalog.observed.map((line) => `registry: ${line}`));
  if (catalog.listed) {
    const viaRegistry = packsUnder(catalog.repositories, archive).packs.length;
    observed.push(
      viaRegistry === packs.length
        ? `the registry's catalog agrees: ${viaRegistry} under ${archive}/`
        : `the registry's catalog shows ${viaRegistry} under ${archive}/, the ECR API ${packs.length}`,
    );
  }
  const outcome =
    packsListedVerdict({ packs, otherBases, archive }, observed) ??
    warn(
      appError('BASE_PATH_EMPTY', {
        message: `No ECR repositories under ${archive}/.`,
        remedy: `Create ${archive}/<pack> repositories and push the packs there.`,
      }),
      ...observed,
    );
  const { output, outcome: verdict } = withPacks(signedIn.signedIn, packs, outcome);
  return pass({ via: 'aws', listed: output, api, target }, verdict);
}

/** Pack versions from ECR's ListImages (tagged images only): the tags are the versions. */
export async function ecrPacksStep(listed: EcrListed): Promise<Passed<undefined>> {
  if (listed.via === 'unchecked') return pass(undefined, skipped(listed.reason));
  if (listed.via === 'registry') return packsStep(listed.listed);
  return pass(undefined, await ecrPacksVerdict(listed.listed, listed.api, listed.target));
}

async function ecrPacksVerdict({ run, packRepositories: names }: Listed, api: EcrApi, target: EcrTarget): Promise<StepOutcome> {
  if (names.length === 0) return skipped('no pack repositories to read');
  const archive = archiveRepository(run.request.baseContentPath);
  const shown = names.slice(0, run.request.maxPacks);
  if (shown.length === 0) return skipped(`${names.length} pack repositories; reading their versions was not asked for (maxPacks 0)`);
  const found: PackFound[] = [];
  const missing: string[] = [];
  for (const name of shown) {
    try {
      const tags = await listTags(api, target.registryId, `${archive}/${name}`);
      if (tags.length > 0) found.push({ name, versions: sortVersions(tags) });
    } catch (error) {
      // Deleted between the listing and now: worth saying, not worth failing the run.
      if (error instanceof StepProblem && error.problem.code === 'ECR_REPOSITORY_NOT_FOUND') missing.push(name);
      else throw error;
    }
  }
  run.facts.packs = found;
  const observed = [
    `ECR ListImages for ${shown.length} of ${names.length} pack repositories`,
    ...(found.length ? [summarizePacks(found)] : []),
  ];
  if (missing.length > 0) {
    return warn(
      appError('ECR_REPOSITORY_NOT_FOUND', {
        message: `ECR no longer has ${missing.length} of the listed pack repositories: ${missing.slice(0, 5).join(', ')}.`,
      }),
      ...observed,
    );
  }
  if (found.length === 0)
    return warn(appError('BASE_PATH_EMPTY', { message: `The pack repositories under ${archive}/ hold no tagged versions.` }), ...observed);
  return ok(`${found.length} packs with versions`, ...observed);
}

async function listRepositories(api: EcrApi, registryId: string | undefined) {
  const names: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const answer = await api.describeRepositories({ registryId, nextToken });
    pages += 1;
    for (const repository of answer.repositories ?? []) if (repository.repositoryName) names.push(repository.repositoryName);
    nextToken = answer.nextToken;
  } while (nextToken && pages < MAX_REPOSITORY_PAGES);
  return { names, pages, truncated: nextToken !== undefined };
}

async function listTags(api: EcrApi, registryId: string | undefined, repositoryName: string): Promise<string[]> {
  const tags = new Set<string>();
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const answer = await api.listImages({ registryId, repositoryName, nextToken });
    pages += 1;
    for (const id of answer.imageIds ?? []) if (id.imageTag) tags.add(id.imageTag);
    nextToken = answer.nextToken;
  } while (nextToken && pages < MAX_IMAGE_PAGES);
  return [...tags];
}
