/**
 * OWASP, "CSV Injection" (owasp.org/www-community/attacks/CSV_Injection): Excel, LibreOffice and
 * Google Sheets run a cell that starts with =, +, -, @, tab or CR as a formula, so an organisation
 * named =HYPERLINK("http://x","click") becomes a live link in the analyst's workbook. A leading
 * single quote makes the cell text. A cell that already starts with quotes before such a character
 * gets one more, so that taking one away (readGraded does) gives back exactly what was there.
 * A plain number (-3.5, +2, -1e-3) is left alone: a spreadsheet reads it as the number it is.
 */
const TRIGGER = /^'*[=+\-@\t\r]/;
const QUOTED_TRIGGER = /^'+[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function formulaSafe(text: string): string {
  return TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** The text formulaSafe was given. */
export function fromFormulaSafe(text: string): string {
  return QUOTED_TRIGGER.test(text) ? text.slice(1) : text;
}
