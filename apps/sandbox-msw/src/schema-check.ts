import type { SchemaIssue } from "@mca/spec/core";

/** Throws when `issues` is not empty, naming each issue's place in the value and in the spec. */
export function assertMatchesSpec(what: string, issues: SchemaIssue[], schemaPointer: string): void {
  if (issues.length === 0) return;
  // ajv names a failure in the schema it validated from its root (`#/enum`): in the document, that is
  // schemaPointer's; failures inside a `$ref`'d schema it names by the document's own pointer already
  const inDocument = (issue: SchemaIssue) =>
    issue.instancePath === "" && !issue.schemaPath.startsWith("#/components/")
      ? `${schemaPointer}${issue.schemaPath.slice(1)}`
      : issue.schemaPath;
  const lines = issues.map(
    (issue) => `  ${issue.instancePath || "(the value)"} ${issue.message} (schema ${inDocument(issue)})`,
  );
  throw new TypeError(`${what} does not match the spec:\n${lines.join("\n")}`);
}
