/** Secret value → how reports write it instead (`$MCA_HOST_TOKEN_1`), so output can go to a CI log. */
export type Secrets = ReadonlyMap<string, string>;

/** Values shorter than this are not secrets anyone issues; replacing them would mangle ordinary text. */
const SHORTEST_SECRET = 8;

/** `text` with every whole occurrence of a secret value replaced by its placeholder. */
export function redact(text: string, secrets: Secrets): string {
  let result = text;
  for (const [value, placeholder] of secrets)
    if (value.length >= SHORTEST_SECRET) result = result.split(value).join(placeholder);
  return result;
}
