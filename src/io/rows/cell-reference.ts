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

/** A range as Excel writes it (`A4:B5`, or one cell `C7`) as its first and last rows and columns; null if it is not one. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(range.trim().toUpperCase());
  if (m === null) return null;
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  const [top, left] = [Number(m[2]), column(m[1]!)];
  return { top, left, bottom: m[4] === undefined ? top : Number(m[4]), right: m[3] === undefined ? left : column(m[3]) };
}
