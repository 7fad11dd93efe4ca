import { bodyText, type RequestSpec, urlOf } from "./request.js";

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;

/** The request as a ready-to-paste curl command. */
export function toCurl(baseUrl: string, request: RequestSpec): string {
  const body = bodyText(request);
  const parts = [`curl -X ${request.method} ${quote(urlOf(baseUrl, request))}`];
  for (const [name, value] of Object.entries(request.headers)) parts.push(`-H ${quote(`${name}: ${value}`)}`);
  if (body !== undefined) parts.push(`-H 'Content-Type: application/json'`, `--data ${quote(body)}`);
  return parts.join(" \\\n  ");
}
