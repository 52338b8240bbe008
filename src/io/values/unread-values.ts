/**
 * A value a part of a file could not read (its cell is not a number): had an earlier part held a value
 * for the same organisation, indicator and period, one read of the whole file would have said "second
 * value" instead and not looked at the cell. `first` is the number DiagnosticCollector.push gave the
 * first of its `count` E_NOT_A_NUMBER errors.
 */
export interface UnreadValue {
  rec: number;
  ind: number;
  line: number;
  first: number;
  count: number;
}

/**
 * Unread values as five numbers each, one after the other: plain data that crosses to another thread,
 * and a file of 500,000 unreadable values holds no object per value.
 */
export type UnreadValues = number[];

export function noteUnread(list: UnreadValues, value: UnreadValue): void {
  list.push(value.rec, value.ind, value.line, value.first, value.count);
}

export function* unreadValues(list: UnreadValues): Generator<UnreadValue> {
  for (let u = 0; u < list.length; u += 5) yield { rec: list[u]!, ind: list[u + 1]!, line: list[u + 2]!, first: list[u + 3]!, count: list[u + 4]! };
}
