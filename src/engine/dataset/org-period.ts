/** Where a rating's rows are unique: an organisation in one period. */
export interface OrgPeriod {
  code: string;
  period: string | null;
}

/** An organisation and period as one map key (NUL cannot appear in a code read from a file's cell). */
export function orgPeriodKey(code: string, period: string | null): string {
  return `${code}\u0000${period ?? ""}`;
}

/** Per-organisation results, grouped by period, looked up by organisation and period; null where there is none. */
export function lookupByOrgPeriod<T extends OrgPeriod>(periods: readonly { organisations: readonly T[] }[]): (org: OrgPeriod) => T | null {
  const byKey = new Map<string, T>();
  for (const p of periods) for (const o of p.organisations) byKey.set(orgPeriodKey(o.code, o.period), o);
  return (org) => byKey.get(orgPeriodKey(org.code, org.period)) ?? null;
}
