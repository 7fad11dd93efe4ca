/**
 * This file was generated from the spec's `servers` by @mca/regenerate.
 * Do not make direct changes to the file.
 */

export const servers = [
  {
    "url": "https://api.mycreditapp.ai/v1-beta",
    "description": "Production"
  }
] as const;
