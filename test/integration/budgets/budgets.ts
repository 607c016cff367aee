// The budgets, in one place: the budget tests assert the deterministic ones and
// `npm run bench` reports every one against its measurement.

/** HTTP requests for a Basic verdict: /v2/ challenge, /v2/ with the credentials, the base-path check (_catalog). */
export const BASIC_VERDICT_MAX_REQUESTS = 3;

/** HTTP requests for a token verdict: /v2/ challenge, the token, /v2/ with the token, the base-path check (_catalog). */
export const TOKEN_VERDICT_MAX_REQUESTS = 4;

/** Renderer JavaScript after gzip, in bytes: 350 KB with 1 KB = 1,000 bytes (as Vite prints sizes), the stricter reading. */
export const RENDERER_JS_GZIP_MAX_BYTES = 350_000;

/** `regdesk validate`, whole process, median: at most this many times `skopeo login` on the same registry. */
export const REGDESK_VS_SKOPEO_MAX_RATIO = 1.0;

/** Navigation start to an interactive registries list, cold (fresh browser context), median. */
export const COLD_INTERACTIVE_MAX_MS = 500;

/** With 1,000 registries stored: list data arrived to rows committed, median. */
export const THOUSAND_ROW_RENDER_MAX_MS = 200;
