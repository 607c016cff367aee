import { appError } from '../../../../shared/errors';
import { normalizeBaseContentPath } from '../../../../shared/model/registry-values';
import type { PackFound } from '../../../../shared/model/validation';
import { credentialRoute } from '../../net/credential-routing';
import type { RegistryEndpoint } from '../../../../shared/endpoint';
import { headerValue, parseJson, type HttpClient, type HttpResponse } from '../../net/http-client';
import type { Authorizer } from './registry-auth';
import { StepProblem } from '../core/step-problem';

/** Palette's pack layout: <base>/spectro-packs/archive/<pack>:<version> (docs/reference/palette-registries.md#pack-layout). */
export function archiveRepository(baseContentPath: string): string {
  // The same normaliser the value was stored through, so the path checked is the path Palette gets.
  const base = normalizeBaseContentPath(baseContentPath);
  return base ? `${base}/spectro-packs/archive` : 'spectro-packs/archive';
}

/** The resource scope of `_catalog` (docs/reference/oci-registry.md#challenges). */
export const CATALOG_SCOPE = 'registry:catalog:*';

const CATALOG_PAGE = 1000; // distribution's maximum page (catalog.maxentries), and ECR's.
const MAX_CATALOG_PAGES = 20;

export type CatalogResult =
  { listed: true; repositories: string[]; observed: string[]; truncated: boolean } | { listed: false; observed: string[] };

/**
 * `_catalog` is not part of OCI 1.1 and many registries refuse it (Harbor non-admins, Docker
 * Hub, GHCR): a refusal means "listing unavailable", never "bad credentials" (docs/reference/oci-registry.md#catalog-and-tags).
 */
export async function readCatalog(http: HttpClient, endpoint: RegistryEndpoint, auth: Authorizer): Promise<CatalogResult> {
  const observed: string[] = [];
  const repositories: string[] = [];
  let authorization: string | undefined;
  try {
    authorization = await auth.authorization([CATALOG_SCOPE]);
  } catch (error) {
    if (error instanceof StepProblem) return { listed: false, observed: [...error.observed, 'no token for the catalog'] };
    throw error;
  }
  let url: URL | undefined = new URL(`_catalog?n=${CATALOG_PAGE}`, endpoint.apiBase);
  for (let page = 0; url && page < MAX_CATALOG_PAGES; page++) {
    const response = await http.get(url, authorization ? { authorization } : {});
    observed.push(`GET ${url.pathname}${url.search} → ${response.status}`, ...response.redirects);
    // A page that came from elsewhere (after a redirect) never saw the credentials and is not the
    // registry's word: reported, not trusted, and nothing on it (a relative Link) is followed.
    if (response.credentialsWithheld || !credentialRoute(response.url, endpoint.origin, 'registry').send) {
      observed.push(`catalog page answered by ${response.url.origin}, not by the registry: not trusted`);
      return page === 0 ? { listed: false, observed } : { listed: true, repositories, observed, truncated: true };
    }
    if (response.status !== 200) {
      return { listed: false, observed: [...observed, refusalReason(response)] };
    }
    const body = parseJson(response.body) as { repositories?: unknown } | undefined;
    if (!Array.isArray(body?.repositories)) return { listed: false, observed: [...observed, 'the answer held no repository list'] };
    repositories.push(...body.repositories.filter((r): r is string => typeof r === 'string'));
    url = nextPage(response);
    if (url && !credentialRoute(url, endpoint.origin, 'registry').send) {
      observed.push(`next catalog page at ${url.origin} not followed: pages are read from the registry's origin only`);
      return { listed: true, repositories, observed, truncated: true };
    }
  }
  return { listed: true, repositories, observed, truncated: url !== undefined };
}

/** Link: </v2/_catalog?last=x&n=2>; rel="next" — relative, resolved against the request URL. */
function nextPage(response: HttpResponse): URL | undefined {
  const link = headerValue(response, 'link');
  const target = link ? /<([^>]+)>\s*;\s*rel="?next"?/i.exec(link)?.[1] : undefined;
  return target ? new URL(target, response.url) : undefined;
}

function refusalReason(response: HttpResponse): string {
  const body = parseJson(response.body) as { errors?: Array<{ code?: string }> } | undefined;
  const code = body?.errors?.[0]?.code;
  return `catalog refused${code ? ` (${code})` : ''}: listing is unavailable to these credentials, which says nothing about their validity`;
}

/** Pack names under the archive, and base paths that do hold packs, to suggest when this one holds none. */
export function packsUnder(repositories: string[], archive: string): { packs: string[]; otherBases: string[] } {
  const prefix = `${archive}/`;
  const packs = repositories
    .filter((r) => r.startsWith(prefix))
    .map((r) => r.slice(prefix.length))
    .filter(Boolean);
  const otherBases = [
    ...new Set(
      repositories
        .map((r) => /^(?:(.*)\/)?spectro-packs\/archive\/[^/]+/.exec(r))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => m[1] ?? '')
        .filter((base) => `${base ? `${base}/` : ''}spectro-packs/archive` !== archive),
    ),
  ];
  return { packs: [...new Set(packs)].sort(), otherBases };
}

export type TagsResult = { status: 'found'; tags: string[] } | { status: 'missing' } | { status: 'denied'; httpStatus: number };

/** tags/list for one repository with a pull-scoped token. Distribution 2.8 ignores n/last here. */
export async function listTags(http: HttpClient, endpoint: RegistryEndpoint, auth: Authorizer, repository: string): Promise<TagsResult> {
  let authorization: string | undefined;
  try {
    authorization = await auth.authorization([`repository:${repository}:pull`]);
  } catch (error) {
    if (error instanceof StepProblem) return { status: 'denied', httpStatus: 401 };
    throw error;
  }
  // Appended to the API base, never resolved against it: a base content path such as
  // "https://elsewhere" would otherwise make an absolute URL that takes the credentials there.
  const response = await http.get(new URL(`${endpoint.apiBase}${repository}/tags/list`), authorization ? { authorization } : {});
  if (response.status === 404) return { status: 'missing' };
  if (response.status === 401 || response.status === 403) return { status: 'denied', httpStatus: response.status };
  if (response.status !== 200) {
    throw new StepProblem(appError('REGISTRY_ERROR', { message: `tags/list for ${repository} answered HTTP ${response.status}.` }));
  }
  const body = parseJson(response.body) as { tags?: unknown } | undefined;
  const tags = Array.isArray(body?.tags) ? body.tags.filter((t): t is string => typeof t === 'string') : [];
  return { status: 'found', tags: sortVersions(tags) };
}

/**
 * Newest first for dotted versions (1.10.0 before 1.9.2), a release before its pre-releases
 * (1.2.0 before 1.2.0-rc1), and words such as "latest" after every version.
 */
export function sortVersions(tags: string[]): string[] {
  const parts = (tag: string) =>
    tag
      .replace(/^v(?=\d)/, '')
      .split(/[.-]/)
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const newerFirst = (a: string, b: string): number => {
    const pa = parts(a);
    const pb = parts(b);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const x = pa[i];
      const y = pb[i];
      if (x === y) continue;
      // One ran out: a following number means a longer version (newer), a word a pre-release (older).
      if (x === undefined) return typeof y === 'number' ? 1 : -1;
      if (y === undefined) return typeof x === 'number' ? -1 : 1;
      if (typeof x === 'number' && typeof y === 'number') return y - x;
      if (typeof x === 'number') return -1;
      if (typeof y === 'number') return 1;
      return y.localeCompare(x);
    }
    return 0;
  };
  return [...tags].sort(newerFirst);
}

export function summarizePacks(found: PackFound[], shown = 5): string {
  return found
    .slice(0, shown)
    .map((p) => `${p.name} (${p.versions.slice(0, 3).join(', ')}${p.versions.length > 3 ? ', …' : ''})`)
    .join('; ');
}
