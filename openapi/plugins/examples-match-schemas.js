import { validateAgainstSchema } from "@mca/spec";

// Inlines every $ref below `node`, each resolved relative to the file it was written in.
function inlineRefs(node, ctx, from) {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, ctx, from));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    const { node: target, location } = ctx.resolve(node, from);
    if (target === undefined) throw new Error(`Unresolved $ref ${node.$ref}`);
    return inlineRefs(target, ctx, location.source.absoluteRef);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlineRefs(value, ctx, from)]));
}

function check(schemaNode, value, ctx, location) {
  if (!schemaNode) return;
  const schema = inlineRefs(schemaNode, ctx, ctx.location.source.absoluteRef);
  for (const issue of validateAgainstSchema(schema, value)) {
    ctx.report({
      message: `Example does not match its schema: ${issue.instancePath || "(value)"} ${issue.message} (${issue.schemaPath}).`,
      location,
    });
  }
}

/**
 * Every schema, media-type and parameter example must be valid under the repository's shared validator
 * (@mca/spec), the one the contract tests, mock tests and sandbox use. Redocly's own example rules
 * use strict RFC 3339 `date-time` and would reject the docs' offset-less timestamps, which the API accepts.
 */
export function ExamplesMatchSchemas() {
  return {
    Schema: {
      enter(schema, ctx) {
        (schema.examples ?? []).forEach((example, index) => {
          check(schema, example, ctx, ctx.location.child(["examples", index]));
        });
      },
    },
    MediaType: {
      enter(mediaType, ctx) {
        if (mediaType.example !== undefined) {
          check(mediaType.schema, mediaType.example, ctx, ctx.location.child("example"));
        }
        for (const [name, example] of Object.entries(mediaType.examples ?? {})) {
          const { node } = ctx.resolve(example);
          check(mediaType.schema, node?.value, ctx, ctx.location.child(["examples", name]));
        }
      },
    },
    Parameter: {
      enter(parameter, ctx) {
        if (parameter.example !== undefined) {
          check(parameter.schema, parameter.example, ctx, ctx.location.child("example"));
        }
      },
    },
  };
}
