import type { Polarity } from "../../framework/schema.js";

/**
 * Making Data Count's assurance icon: whether the process, as its limits describe it, will meet the
 * target. A target beyond one process limit is met always or never; between them, sometimes
 * (NHSRplotthedots R/ptd_calculate_assurance_type.R). "none" when there is no target.
 */
export const ASSURANCES = ["consistent_pass", "consistent_fail", "inconsistent", "none"] as const;
export type Assurance = (typeof ASSURANCES)[number];

export function assurance(limits: { lpl: number; upl: number } | null, target: number | null, polarity: Polarity): Assurance {
  if (limits === null || target === null) return "none";
  const higher = polarity === "higher";
  if (target > limits.upl) return higher ? "consistent_fail" : "consistent_pass";
  if (target < limits.lpl) return higher ? "consistent_pass" : "consistent_fail";
  return "inconsistent";
}
