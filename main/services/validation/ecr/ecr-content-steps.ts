import { appError } from '../../../../shared/errors';
import type { PackFound } from '../../../../shared/model/validation';
import { archiveRepository, packsUnder, readCatalog, sortVersions, summarizePacks } from '../oci/pack-discovery';
import { StepProblem } from '../oci/registry-auth';
import { basePathStep, packsListedVerdict, packsStep } from '../oci/registry-steps';
import { ok, skipped, warn, type StepOutcome } from '../core/step-runner';
import type { ValidationContext } from '../validation-context';
import type { EcrApi } from './aws-session';
import { signsInThroughAws } from './ecr-steps';

/** 20 pages of 1000: far beyond any pack registry, and a bound on a run's AWS calls. */
const MAX_REPOSITORY_PAGES = 20;
const MAX_IMAGE_PAGES = 5;

/**
 * The base content path of a protected ECR registry, both ways Palette's docs name: the ECR API
 * (DescribeRepositories, filtered on <base>/spectro-packs/archive/, palette.md §5) and the
 * registry's own catalog with the ECR token, as a sync reads it.
 */
export async function ecrBasePathStep(ctx: ValidationContext): Promise<StepOutcome> {
  if (!signsInThroughAws(ctx)) return basePathStep(ctx);
  if (ctx.awsUnchecked) return skipped(ctx.awsUnchecked);
  const archive = archiveRepository(ctx.request.baseContentPath);
  const listing = await listRepositories(ctx.ecrApi!, ctx.ecr!.registryId);
  const { packs, otherBases } = packsUnder(listing.names, archive);
  const observed = [
    `ECR DescribeRepositories${ctx.ecr!.registryId ? ` (registry ${ctx.ecr!.registryId})` : ''} → ${listing.names.length} repositories in ${listing.pages} ${listing.pages === 1 ? 'page' : 'pages'}${listing.truncated ? ' (listing cut short)' : ''}; ${packs.length} under ${archive}/`,
  ];
  if (!listing.names.includes(archive)) observed.push(`${archive} itself is not a repository (Palette's ECR guide creates it too)`);
  const catalog = await readCatalog(ctx.http!, ctx.endpoint!, ctx.auth!);
  observed.push(...catalog.observed.map((line) => `registry: ${line}`));
  if (catalog.listed) {
    const viaRegistry = packsUnder(catalog.repositories, archive).packs.length;
    observed.push(
      viaRegistry === packs.length
        ? `the registry's catalog agrees: ${viaRegistry} under ${archive}/`
        : `the registry's catalog shows ${viaRegistry} under ${archive}/, the ECR API ${packs.length}`,
    );
  }
  const listed = packsListedVerdict(ctx, { packs, otherBases, archive }, observed);
  if (listed) return listed;
  return warn(
    appError('BASE_PATH_EMPTY', {
      message: `No ECR repositories under ${archive}/.`,
      remedy: `Create ${archive}/<pack> repositories and push the packs there (palette.md §5).`,
    }),
    ...observed,
  );
}

/** Pack versions from ECR's ListImages (tagged images only): the tags are the versions. */
export async function ecrPacksStep(ctx: ValidationContext): Promise<StepOutcome> {
  if (!signsInThroughAws(ctx)) return packsStep(ctx);
  if (ctx.awsUnchecked) return skipped(ctx.awsUnchecked);
  const names = ctx.packRepositories;
  if (names.length === 0) return skipped('no pack repositories to read');
  const archive = archiveRepository(ctx.request.baseContentPath);
  const shown = names.slice(0, ctx.request.maxPacks);
  if (shown.length === 0) return skipped(`${names.length} pack repositories; reading their versions was not asked for (maxPacks 0)`);
  const found: PackFound[] = [];
  const missing: string[] = [];
  for (const name of shown) {
    try {
      const tags = await listTags(ctx.ecrApi!, ctx.ecr!.registryId, `${archive}/${name}`);
      if (tags.length > 0) found.push({ name, versions: sortVersions(tags) });
    } catch (error) {
      // Deleted between the listing and now: worth saying, not worth failing the run.
      if (error instanceof StepProblem && error.problem.code === 'ECR_REPOSITORY_NOT_FOUND') missing.push(name);
      else throw error;
    }
  }
  ctx.packs = found;
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
