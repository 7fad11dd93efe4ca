/** spec:diff could not judge (bad flags, git or bundle unreadable, no oasdiff): exit 2, one line. */
export class DiffConfigError extends Error {
  override readonly name = "DiffConfigError";
}
