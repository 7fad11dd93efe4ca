/**
 * A response body that is already JSON text (built by the database): sent as is, not serialised again.
 * `Body` is the type the text decodes to, so handlers returning text are checked like any other.
 */
export class RawJson<Body> {
  declare readonly body?: Body;
  constructor(readonly text: string) {}
}
