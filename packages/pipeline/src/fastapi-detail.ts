import type { SchemaIssue } from "@mca/spec/core";
import type { ErrorDetail } from "./errors.js";

const quoteList = (values: unknown[]) => {
  const quoted = values.map((value) => `'${String(value)}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}` : (quoted[0] ?? "");
};

const TYPE_MESSAGES: Record<string, [string, string]> = {
  string: ["string_type", "Input should be a valid string"],
  integer: ["int_type", "Input should be a valid integer"],
  number: ["float_type", "Input should be a valid number"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: ["model_attributes_type", "Input should be a valid dictionary or object to extract fields from"],
};

const FORMAT_MESSAGES: Record<string, [string, string]> = {
  uuid: ["uuid_parsing", "Input should be a valid UUID"],
  email: ["value_error", "value is not a valid email address"],
  "date-time": ["datetime_parsing", "Input should be a valid datetime"],
};

/**
 * Turns schema issues into the `detail` entries pydantic 2 / FastAPI would give for the same input. Issues
 * from the `null` branch of `T | null` and the `anyOf` summary are dropped: the value failed as `T`.
 */
export function toFastApiDetail(location: Array<string | number>, issues: SchemaIssue[]): ErrorDetail[] {
  const path = (issue: SchemaIssue) =>
    issue.instancePath
      .split("/")
      .slice(1)
      .map((segment) =>
        /^\d+$/.test(segment) ? Number(segment) : segment.replaceAll("~1", "/").replaceAll("~0", "~"),
      );
  return issues
    .filter(
      (issue) => issue.keyword !== "anyOf" && !(issue.keyword === "type" && issue.params.type === "null"),
    )
    .map((issue): ErrorDetail => {
      const loc = [...location, ...path(issue)];
      const { params } = issue;
      switch (issue.keyword) {
        case "required":
          return { loc: [...loc, String(params.missingProperty)], msg: "Field required", type: "missing" };
        case "maxLength":
          return {
            loc,
            msg: `String should have at most ${String(params.limit)} characters`,
            type: "string_too_long",
          };
        case "minLength":
          return {
            loc,
            msg: `String should have at least ${String(params.limit)} characters`,
            type: "string_too_short",
          };
        case "maximum":
          return {
            loc,
            msg: `Input should be less than or equal to ${String(params.limit)}`,
            type: "less_than_equal",
          };
        case "minimum":
          return {
            loc,
            msg: `Input should be greater than or equal to ${String(params.limit)}`,
            type: "greater_than_equal",
          };
        case "minItems":
          return {
            loc,
            msg: `List should have at least ${String(params.limit)} item after validation`,
            type: "too_short",
          };
        case "enum":
          return {
            loc,
            msg: `Input should be ${quoteList(params.allowedValues as unknown[])}`,
            type: "enum",
          };
        case "type": {
          const [type, msg] = TYPE_MESSAGES[String(params.type)] ?? ["type_error", issue.message];
          return { loc, msg, type };
        }
        case "format": {
          const [type, msg] = FORMAT_MESSAGES[String(params.format)] ?? ["value_error", issue.message];
          return { loc, msg, type };
        }
        default:
          return { loc, msg: issue.message, type: "value_error" };
      }
    });
}
