// A token service double for the authorizer's unit tests: it answers each request with the next
// reply and records what it received, so a test can see which origin was sent the password.
import type { HttpClient, HttpResponse } from '../../../../../../main/services/net/http-client';
import { StepProblem } from '../../../../../../main/services/validation/core/step-problem';

export interface Reply {
  status: number;
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown;
  /** The origin that finally answered, after a redirect the client followed without the credentials. */
  redirectedTo?: string;
}

export function fakeHttp(...replies: Reply[]) {
  const sent: Array<{ url: URL; headers: Record<string, string> }> = [];
  const http = {
    async get(url: URL, headers: Record<string, string> = {}): Promise<HttpResponse> {
      sent.push({ url, headers });
      const reply = replies.shift();
      if (!reply) throw new Error(`unexpected request to ${url.href}`);
      const finalUrl = reply.redirectedTo ? new URL(url.pathname, reply.redirectedTo) : url;
      const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
      return {
        url: finalUrl,
        status: reply.status,
        headers: {},
        body: Buffer.from(body),
        redirects: reply.redirectedTo ? [`redirected to ${finalUrl.origin}, credentials withheld`] : [],
        credentialsWithheld: reply.redirectedTo !== undefined,
      };
    },
  };
  return { http: http as unknown as HttpClient, sent };
}

/** The StepProblem a promise rejects with; anything else fails the test. */
export async function stepProblemOf(promise: Promise<unknown>): Promise<StepProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StepProblem)) throw new Error(`expected a StepProblem, got ${String(error)}`);
  return error;
}
