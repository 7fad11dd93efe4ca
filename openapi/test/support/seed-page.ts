/**
 * Parses one docs page as saved in shared/seeds/ (the text a browser copies from the rendered page) into
 * the operation, its fields per section, and its examples.
 */

export type SectionName = "Headers" | "Path Parameters" | "Query Parameters" | "Body" | "Response";

export interface SeedField {
  name: string;
  /** JSON Schema type the docs' type line stands for: `enum<string>` is a string, `X[]` an array. */
  type: "string" | "integer" | "number" | "boolean" | "array" | "object";
  itemType?: "string" | "object";
  format?: string;
  nullable: boolean;
  required: boolean;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  enum?: string[];
  default?: string;
  example?: unknown;
}

export interface SeedPage {
  method: string;
  path: string;
  sections: Partial<Record<SectionName, SeedField[]>>;
  /** The JSON example shown above "Authorizations": the success response body. */
  responseExample: unknown;
  /** The JSON body of the page's curl example, when the page has one. */
  requestExample?: unknown;
}

const SECTIONS: readonly string[] = ["Headers", "Path Parameters", "Query Parameters", "Body", "Response"];
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const TYPE_LINE =
  /^(?:(string|integer|number|boolean|object)|enum<string>|[A-Za-z]+ · (object))(?:<([a-z-]+)>)?(\[\])?( \| null)?$/;

function parseTypeLine(
  line: string,
): Pick<SeedField, "type" | "itemType" | "format" | "nullable"> | undefined {
  const match = TYPE_LINE.exec(line);
  if (!match) return undefined;
  const [, scalar, objectRef, format, array, nullable] = match;
  const base = (scalar ?? (objectRef ? "object" : "string")) as SeedField["type"];
  return {
    type: array ? "array" : base,
    ...(array ? { itemType: base === "object" ? "object" : "string" } : {}),
    ...(format ? { format } : {}),
    nullable: Boolean(nullable),
  };
}

/** The first balanced JSON value starting at `start` in `lines`, and the index after it. */
function readJson(lines: string[], start: number): { value: unknown; next: number } {
  let text = "";
  for (let index = start; index < lines.length; index += 1) {
    text += `${lines[index]}\n`;
    try {
      return { value: JSON.parse(text), next: index + 1 };
    } catch {
      // not complete yet: the value spans more lines
    }
  }
  throw new Error(`No JSON value at line ${start + 1}`);
}

/** One-line attributes: a pattern and what a match sets on the field. */
const LINE_ATTRIBUTES: Array<[RegExp, (field: SeedField, match: RegExpExecArray) => void]> = [
  [/^required$/, (field) => Object.assign(field, { required: true })],
  [/^default:(.+)$/, (field, match) => Object.assign(field, { default: match[1] })],
  [
    /^Required string length: (\d+) - (\d+)$/,
    (field, match) => Object.assign(field, { minLength: Number(match[1]), maxLength: Number(match[2]) }),
  ],
  [
    /^Required range: x >= (-?[\d.]+)$/,
    (field, match) => Object.assign(field, { minimum: Number(match[1]) }),
  ],
  [
    /^Required range: x <= (-?[\d.]+)$/,
    (field, match) => Object.assign(field, { maximum: Number(match[1]) }),
  ],
  [/^Minimum array length: (\d+)$/, (field, match) => Object.assign(field, { minItems: Number(match[1]) })],
];

/** Reads the attribute at `index` into `field`; returns the index of the next unread line. */
function applyAttribute(field: SeedField, lines: string[], index: number): number {
  const line = lines[index] ?? "";
  if (line === "Available options:") {
    const options: string[] = [];
    let next = index + 1;
    for (; next < lines.length; next += 1) {
      const option = lines[next] ?? "";
      options.push(option.replace(/,$/, ""));
      if (!option.endsWith(",")) break;
    }
    field.enum = options;
    return next + 1;
  }
  if (line === "Example:") {
    let next = index + 1;
    while ((lines[next] ?? "") === "") next += 1;
    const { value, next: after } = readJson(lines, next);
    field.example = value;
    return after;
  }
  for (const [pattern, apply] of LINE_ATTRIBUTES) {
    const match = pattern.exec(line);
    if (match) {
      apply(field, match);
      return index + 1;
    }
  }
  if (line !== "") field.description = field.description ? `${field.description} ${line}` : line;
  return index + 1;
}

export function parseSeedPage(text: string): SeedPage {
  const lines = text.split("\n").map((line) => line.trimEnd());
  const method = lines[1] ?? "";
  let index = 2;
  let path = "";
  while (index < lines.length && /^(\/|[a-z0-9_{}-]+)$/.test(lines[index] ?? "")) {
    path += lines[index];
    index += 1;
  }

  let requestExample: unknown;
  const dataLine = lines.findIndex((line) => line.startsWith("  --data '"));
  if (dataLine >= 0) requestExample = readJson(lines, dataLine + 1).value;
  const exampleStart = lines.findIndex((line, at) => line === "{" && at > (dataLine >= 0 ? dataLine + 3 : 0));
  const responseExample = readJson(lines, exampleStart).value;

  const sections: SeedPage["sections"] = {};
  let current: SeedField[] | undefined;
  let field: SeedField | undefined;
  index = lines.indexOf("Authorizations");
  while (index < lines.length) {
    const line = lines[index] ?? "";
    if (SECTIONS.includes(line)) {
      current = [];
      sections[line as SectionName] = current;
      field = undefined;
      index += 1;
      continue;
    }
    const type = FIELD_NAME.test(line) ? parseTypeLine(lines[index + 1] ?? "") : undefined;
    if (current && type) {
      field = { name: line, ...type, required: false };
      current.push(field);
      index += 2;
      continue;
    }
    if (field && !["application/json", "Successful Response"].includes(line)) {
      index = applyAttribute(field, lines, index);
    } else {
      index += 1;
    }
  }
  return {
    method,
    path,
    sections,
    responseExample,
    ...(requestExample === undefined ? {} : { requestExample }),
  };
}
