/** Escapes one segment of a JSON pointer (RFC 6901): `/` in a path like `/host-connections/{id}` becomes `~1`. */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

export function pointer(...segments: Array<string | number>): string {
  return `#/${segments.map((segment) => escapePointerSegment(String(segment))).join("/")}`;
}
