export const EXIT = {
  ok: 0,
  /** Bad data or failed validation. */
  data: 1,
  usage: 2,
  /** --check found that the output would change. */
  stale: 3,
  /** compare --fail-on-decline found an organisation that moved down. */
  decline: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
