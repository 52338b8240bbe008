/** A confidence interval. NaN stands for PHE's NA (a missing input, or a limit that does not exist). */
export interface Interval {
  lower: number;
  upper: number;
}
