/**
 * Runs of points for two Making Data Count rules, as NHSRplotthedots marks them
 * (R/ptd_calculate_point_type.R): a trend is `length` points each strictly higher (or each strictly
 * lower) than the one before, so an equal pair breaks it; a shift is `length` points on the same side
 * of the mean, and a point on the mean breaks it. The package fixes `length` at 7; the Excel tool
 * also offers 6 (package issue #202).
 */

/** 1: up (or above the mean), -1: down (or below), 0: neither. */
export type Direction = 1 | -1 | 0;

/** At each point that ends a trend of `length` points, its direction; 0 elsewhere. */
export function trendRunEnds(values: readonly number[], length: number): Direction[] {
  return values.map((_, end) => {
    if (end < length - 1) return 0;
    let up = true;
    let down = true;
    for (let i = end - length + 2; i <= end; i++) {
      const step = values[i]! - values[i - 1]!;
      up &&= step > 0;
      down &&= step < 0;
    }
    return up ? 1 : down ? -1 : 0;
  });
}

/** At each point that ends `length` points on one side of the mean, that side; 0 elsewhere. */
export function shiftRunEnds(sides: readonly Direction[], length: number): Direction[] {
  return sides.map((side, end) => {
    if (end < length - 1 || side === 0) return 0;
    for (let i = end - length + 1; i < end; i++) if (sides[i] !== side) return 0;
    return side;
  });
}

/**
 * Each point's run: the direction of a run of `length` it belongs to, given where runs end. A point in
 * two runs of opposite directions (the peak between a rise and a fall) takes the later run's, as the
 * package does ("use right side"). The package reads a point's direction from its step to the next
 * point when both are in runs; where two runs of the same direction meet across a step the other way,
 * that would call the first run's last point the opposite of its run, so the run's own direction is
 * taken instead.
 */
export function runMembers(ends: readonly Direction[], length: number): Direction[] {
  const members: Direction[] = ends.map(() => 0);
  ends.forEach((direction, end) => {
    if (direction === 0) return;
    for (let i = end - length + 1; i <= end; i++) members[i] = direction;
  });
  return members;
}
