/** One difference between the base spec and the working spec, as a client sees it. */
export interface Change {
  breaking: boolean;
  /** A stable name for the rule that classified it, e.g. `request-enum-value-removed`. */
  rule: string;
  /** `METHOD /path`, or `document` for changes outside operations. */
  operation: string;
  /** Where in the operation: `query parameter limit`, `request body .email`, `200 response .items[].status`. */
  location: string;
  message: string;
}

export const breaking = (rule: string, operation: string, location: string, message: string): Change => ({
  breaking: true,
  rule,
  operation,
  location,
  message,
});

export const compatible = (rule: string, operation: string, location: string, message: string): Change => ({
  breaking: false,
  rule,
  operation,
  location,
  message,
});
