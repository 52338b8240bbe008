import { measure } from "../dataset/measure.js";
import { groupByPeriod } from "../dataset/period-groups.js";
import type { Dataset } from "../dataset/schema.js";
import { warning, type Diagnostic, type Origin } from "../diagnostics.js";
import type { Framework } from "../framework/schema.js";
import { compareText } from "../text-order.js";
import { isPercentUnit } from "../framework/units.js";

/** Fewer organisations than this scored on an indicator makes its bands, and any ranking, fragile. */
const MIN_SCORED_PER_INDICATOR = 5;
const LISTED = 5;

export interface OrgList {
  codes: ReadonlySet<string>;
  file: string;
}

/**
 * What is legal but probably a mistake: a percentage over 100, codes missing from a reference list,
 * indicators scored for very few organisations, periods that cover different organisations.
 */
export function suspiciousInputs(framework: Framework, dataset: Dataset, file: string, orgList: OrgList | null): Diagnostic[] {
  const out: Diagnostic[] = [];
  findSuspicious(framework, dataset, file, orgList, out);
  return out;
}

/**
 * suspiciousInputs, each pushed into `out` as it is found: into a DiagnosticCollector, a million
 * organisations missing from the list take the memory of the few printed.
 */
export function findSuspicious(framework: Framework, dataset: Dataset, file: string, orgList: OrgList | null, out: { push(d: Diagnostic): unknown }): void {
  for (const record of dataset.records) {
    for (const ind of framework.indicators) {
      const obs = record.observations[ind.id];
      if (isPercentUnit(ind.unit) && obs?.numerator === undefined && obs?.value != null && obs.value > 100) {
        out.push(warning("W_OVER_100_PERCENT", `${record.code}: ${ind.id} is ${obs.value}%, over 100%`, obs.origin ?? record.origin));
      }
    }
  }
  if (orgList !== null) {
    const reported = new Set<string>();
    for (const record of dataset.records) {
      if (!orgList.codes.has(record.code) && !reported.has(record.code)) {
        reported.add(record.code);
        out.push(warning("W_NOT_IN_ORG_LIST", `organisation ${record.code} is not in the reference list ${orgList.file}`, record.origin));
      }
    }
  }
  const groups = groupByPeriod(dataset.records);
  for (const { period, items } of groups) {
    const when = period === null ? "" : ` in period ${period}`;
    for (const ind of framework.indicators) {
      const scored = items.filter((r) => measure(ind, r.observations[ind.id]).kind === "value").length;
      if (scored < MIN_SCORED_PER_INDICATOR) {
        out.push(warning("W_FEW_SCORED", `indicator ${ind.id} has a value for only ${scored} organisation(s)${when} (fewer than ${MIN_SCORED_PER_INDICATOR})`, { file }));
      }
    }
  }
  if (groups.length > 1) {
    const all = new Set(dataset.records.map((r) => r.code));
    for (const { period, items } of groups) {
      const has = new Set(items.map((r) => r.code));
      const lacking = [...all].filter((c) => !has.has(c)).sort(compareText);
      if (lacking.length > 0) {
        out.push(
          warning(
            "W_PERIOD_ORGS_DIFFER",
            `period ${period} lacks ${lacking.length} organisation(s) that other periods have: ${listed(lacking)}`,
            firstOrigin(items, file),
          ),
        );
      }
    }
  }
}

function listed(codes: readonly string[]): string {
  return codes.length > LISTED ? `${codes.slice(0, LISTED).join(", ")} and ${codes.length - LISTED} more` : codes.join(", ");
}

function firstOrigin(items: readonly { origin?: Origin | undefined }[], file: string): Origin {
  return items[0]?.origin ?? { file };
}
