import type { Readable } from "node:stream";
import type { Succession } from "../../engine/compare/successors.js";
import { error, hasErrors, type Diagnostic } from "../../engine/diagnostics.js";
import { readTable } from "../rows/read-table.js";

export interface SuccessionsRead {
  successions: Succession[];
  diagnostics: Diagnostic[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A successor file `old_code,new_code[,effective_date]`; other columns (notes, verification) are ignored. */
export async function readSuccessions(input: Readable, file: string): Promise<SuccessionsRead> {
  const table = await readTable(input, file, ["old_code", "new_code"], ["effective_date"]);
  const diagnostics = [...table.diagnostics];
  const successions: Succession[] = [];
  for (const row of table.rows) {
    const oldCode = row.cell("old_code");
    const newCode = row.cell("new_code");
    const date = row.cell("effective_date");
    if (oldCode === "") diagnostics.push(error("E_EMPTY_ORG_CODE", "old_code is empty", row.at("old_code")));
    if (newCode === "") diagnostics.push(error("E_EMPTY_ORG_CODE", "new_code is empty", row.at("new_code")));
    if (date !== "" && !DATE.test(date)) {
      diagnostics.push(error("E_NOT_A_DATE", `effective_date "${date}" is not a date like 2017-04-01`, row.at("effective_date")));
    }
    if (oldCode !== "" && newCode !== "") successions.push({ oldCode, newCode, effectiveDate: date === "" ? null : date, origin: { file, line: row.line } });
  }
  if (table.rows.length === 0 && !hasErrors(diagnostics)) diagnostics.push(error("E_NO_DATA", "no data rows after the header", { file, line: 1, column: 1 }));
  return { successions, diagnostics };
}
