/** A response body that is already JSON text (built by the database): sent as is, not serialised again. */
export class RawJson {
  constructor(readonly text: string) {}
}
