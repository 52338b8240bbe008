/** A column's letters as a spreadsheet names it: 1 is A, 27 is AA. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A place in a workbook as Excel names it: `Sheet1!C7`, the sheet quoted when its name needs it (`'Table 2'!C7`). */
export function cellReference(sheet: string, row: number | undefined, column: number | undefined): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  if (row === undefined) return name;
  return `${name}!${column === undefined ? `${row}:${row}` : `${columnLetters(column)}${row}`}`;
}
