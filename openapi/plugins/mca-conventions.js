import { ExamplesMatchSchemas } from "./examples-match-schemas.js";

// Redocly plugin for conventions the built-in and configurable rules cannot express.
const ORG_HEADERS = ["Requester-Organization-ID", "Target-Organization-ID"];

function headerNames(parameters, ctx) {
  return (parameters ?? [])
    .map((parameter) => ctx.resolve(parameter).node)
    .filter((parameter) => parameter?.in === "header")
    .map((parameter) => parameter.name);
}

// An operation that needs a bearer token works on organization data, so it must carry both
// organization headers (authorization guide: "mandatory on every endpoint that requires authorization").
function OrgHeadersOnOrgScopedOperations() {
  let rootSecurity = [];
  return {
    Root: {
      enter(root) {
        rootSecurity = root.security ?? [];
      },
    },
    PathItem: {
      Operation: {
        enter(operation, ctx, parents) {
          const security = operation.security ?? rootSecurity;
          if (security.length === 0) return;
          const present = new Set([
            ...headerNames(parents.PathItem.parameters, ctx),
            ...headerNames(operation.parameters, ctx),
          ]);
          for (const header of ORG_HEADERS) {
            if (!present.has(header)) {
              ctx.report({
                message: `Operation needs a bearer token but lacks the \`${header}\` header parameter.`,
                location: ctx.location,
              });
            }
          }
        },
      },
    },
  };
}

export default function mcaConventionsPlugin() {
  return {
    id: "mca-conventions",
    rules: {
      oas3: {
        "org-headers-on-org-scoped-operations": OrgHeadersOnOrgScopedOperations,
        "examples-match-schemas": ExamplesMatchSchemas,
      },
    },
  };
}
