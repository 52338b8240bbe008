import { formulaSafe } from "./formula-safe.js";

/** What makes csv-stringify quote a field with delimiter ",", quote '"' and record delimiter "\n" (a lone CR is not quoted). */
const NEEDS_QUOTES = /[",\n]/;

/**
 * One CSV record, byte for byte as csv-stringify writes it with `record_delimiter: "\n"`: a field
 * holding a quote, a comma or a LF is quoted with its quotes doubled, others (empty ones too) are
 * written as they are; a text that a spreadsheet would run as a formula is made safe first
 * (formula-safe.ts). Written out rather than asking the library, because a GP-level table
 * has millions of fields and the library's per-field option handling is slow on them (bench/README.md,
 * "Figures behind the source's comments"); a property test holds the two to the same bytes.
 */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\n`;
}

/** One field of such a record. */
export function csvField(text: string): string {
  const safe = formulaSafe(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
