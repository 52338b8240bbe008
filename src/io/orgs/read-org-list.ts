import type { Readable } from "node:stream";
import type { Diagnostic } from "../../engine/diagnostics.js";
import { readTable } from "../rows/read-table.js";

export interface OrgListRead {
  codes: Set<string>;
  diagnostics: Diagnostic[];
}

/** A reference list of organisation codes: any CSV with an `org_code` column (other columns are ignored). */
export async function readOrgList(input: Readable, file: string): Promise<OrgListRead> {
  const table = await readTable(input, file, ["org_code"], []);
  return { codes: new Set(table.rows.map((r) => r.cell("org_code")).filter((c) => c !== "")), diagnostics: table.diagnostics };
}
