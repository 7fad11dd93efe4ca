import { createSpecValidator, type JsonObject, listOperations, type Operation } from "@mca/spec/core";
import { type Answer, toResponse } from "./answer.js";
import { HttpError } from "./errors.js";
import { fromRequest, type IncomingRequest, type RequestInfo } from "./incoming.js";
import { authenticate, type Principal, type VerifyToken } from "./stages/authenticate.js";
import { type CorsOrigins, cors } from "./stages/cors.js";
import { errorAnswer, type UnexpectedError } from "./stages/error-answer.js";
import { checkOrganizations } from "./stages/organizations.js";
import { readBody } from "./stages/read-body.js";
import { refuseNul } from "./stages/refuse-nul.js";
import { createRouter } from "./stages/route.js";
import { createRequestValidator, type ValidatedRequest } from "./stages/validate.js";

/** A request that passed every stage, for the handler. */
export interface ValidCall {
  incoming: IncomingRequest;
  operation: Operation;
  request: ValidatedRequest;
  principal: Principal;
  /** The body as the pipeline read it (decoded as FastAPI decodes JSON bytes), `""` for none. */
  bodyText: string;
}

/** A route outside the spec (the sandbox's admin route): after CORS and the body, before the spec's routes. */
export interface ExtraRoute {
  path: string;
  method: string;
  handle(incoming: IncomingRequest, bodyText: string): Promise<Answer>;
}

export interface PipelineOptions {
  /** The bundled OpenAPI document whose operations are served and validated. */
  document: JsonObject;
  cors: CorsOrigins;
  /** The token stage (401); a principal with an organization also gets the organization stage (403). */
  verifyToken: VerifyToken;
  extraRoutes?: readonly ExtraRoute[];
  /** The operation's answer (the sandbox's handlers; Prism behind the mock's front). */
  handle(call: ValidCall): Promise<Answer>;
  unexpected: UnexpectedError;
}

/** One composition of the stages, with two faces: a fetch handler, and the transport-free answer it wraps. */
export interface Pipeline {
  /** `(Request) => Promise<Response>`: MSW handlers, a `fetch` function, any runtime. */
  fetch(request: Request, info?: RequestInfo): Promise<Response>;
  /** The same stages for a transport that builds no `Request` (the node:http adapter). */
  answer(incoming: IncomingRequest): Promise<Answer>;
}

/**
 * The request pipeline every server of the API runs, in one order: cors → body → route (404/405) → token (401)
 * → validate (FastAPI's 422s, NUL refused) → organizations (403) → handler → errors (HttpError as FastAPI writes
 * it, anything else `unexpected`). Imports no `node:` module.
 */
export function createPipeline(options: PipelineOptions): Pipeline {
  const router = createRouter(listOperations(options.document));
  const validate = createRequestValidator(options.document, createSpecValidator(options.document));
  const extraRoutes = new Map((options.extraRoutes ?? []).map((route) => [route.path, route]));

  async function run(incoming: IncomingRequest): Promise<Answer> {
    const bodyText = await readBody(incoming);
    const extra = extraRoutes.get(incoming.url.pathname);
    if (extra) {
      if (incoming.method !== extra.method)
        throw new HttpError(405, [{ loc: [], msg: "Method Not Allowed", type: "request" }], {
          allow: extra.method,
        });
      return extra.handle(incoming, bodyText);
    }
    const { operation, pathParams } = router.match(incoming.method, incoming.url.pathname);
    const principal = operation.secured ? await authenticate(incoming, options.verifyToken) : {};
    const request = validate(operation, {
      pathParams,
      searchParams: incoming.url.searchParams,
      header: incoming.header,
      bodyText,
    });
    refuseNul(request);
    if (operation.secured && principal.organizationId !== undefined)
      checkOrganizations(request.headers, principal.organizationId);
    return options.handle({ incoming, operation, request, principal, bodyText });
  }

  async function answer(incoming: IncomingRequest): Promise<Answer> {
    const policy = cors(incoming, options.cors);
    if (policy.preflight) return policy.preflight;
    let answered: Answer;
    try {
      answered = await run(incoming);
    } catch (error) {
      answered = errorAnswer(
        error,
        options.unexpected,
        `${incoming.method} ${incoming.url.pathname}${incoming.url.search}`,
      );
    }
    return policy.decorate(answered);
  }

  return {
    answer,
    fetch: async (request, info) => toResponse(await answer(fromRequest(request, info))),
  };
}
