import { atPointer, isObject, type JsonObject, type SchemaIssue } from "@mca/spec/core";

/** The pointer of the schema ajv validates for `pointer`: a `$ref` there followed to its target. */
export function schemaPointer(document: JsonObject, pointer: string): string {
  let current = pointer;
  for (let hops = 0; hops < 10; hops += 1) {
    const node = atPointer(document, current);
    if (!isObject(node) || typeof node.$ref !== "string") break;
    current = node.$ref;
  }
  return current;
}

/** Throws when `issues` is not empty, naming each issue's place in the value and in the spec. */
export function assertMatchesSpec(what: string, issues: SchemaIssue[], validated: string): void {
  if (issues.length === 0) return;
  // ajv names a failure in the schema it validated from its root (`#/enum`): in the document, that is
  // the validated schema's (its `$ref` followed); failures inside a `$ref`'d schema it names by the document's own pointer already
  const inDocument = (issue: SchemaIssue) =>
    issue.instancePath === "" && !issue.schemaPath.startsWith("#/components/")
      ? `${validated}${issue.schemaPath.slice(1)}`
      : issue.schemaPath;
  const lines = issues.map(
    (issue) => `  ${issue.instancePath || "(the value)"} ${issue.message} (schema ${inDocument(issue)})`,
  );
  throw new TypeError(`${what} does not match the spec:\n${lines.join("\n")}`);
}
