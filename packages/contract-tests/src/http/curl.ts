import { redact, type Secrets } from "../report/redact.js";
import { bodyText, type RequestSpec, urlOf } from "./request.js";

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * The request as a ready-to-paste curl command. A secret (a bearer token) is written as its placeholder inside
 * double quotes, `-H "Authorization: Bearer $MCA_TOKEN"`, so the shell fills it in and the log never holds it.
 */
export function toCurl(baseUrl: string, request: RequestSpec, secrets: Secrets = new Map()): string {
  const body = bodyText(request);
  const parts = [`curl -X ${request.method} ${quote(urlOf(baseUrl, request))}`];
  for (const [name, value] of Object.entries(request.headers)) {
    const redacted = redact(value, secrets);
    parts.push(redacted === value ? `-H ${quote(`${name}: ${value}`)}` : `-H "${name}: ${redacted}"`);
  }
  if (body !== undefined) parts.push(`-H 'Content-Type: application/json'`, `--data ${quote(body)}`);
  return parts.join(" \\\n  ");
}
