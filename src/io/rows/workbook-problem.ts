import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { error, type Diagnostic } from "../../engine/diagnostics.js";
import { fileProblem } from "../source.js";

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The compound (OLE) file format of Excel 97-2003 workbooks, and of encrypted .xlsx files. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted workbook keeps its .xlsx in (MS-OFFCRYPTO 2.3.4), named in UTF-16LE in the file's directory. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

/**
 * Why a file named .xlsx cannot be read as one, told from its first bytes: an .xlsx is a zip file. A
 * password-protected workbook is not (Excel encrypts the zip into a compound file), nor is an old
 * .xls, nor a CSV renamed. Null when it starts as a zip does; exceljs then says whether it is whole.
 */
export function workbookProblem(path: string, file: string): Diagnostic | null {
  let head: Buffer;
  try {
    const fd = openSync(path, "r");
    try {
      head = Buffer.alloc(8);
      head = head.subarray(0, readSync(fd, head, 0, 8, 0));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return fileProblem(e, file);
  }
  if (head.subarray(0, 4).equals(ZIP)) return null;
  if (head.length === 0) return error("E_EMPTY_FILE", "file is empty", { file });
  if (head.equals(COMPOUND_FILE)) {
    return readFileSync(path).includes(ENCRYPTED_PACKAGE)
      ? error("E_WORKBOOK_ENCRYPTED", "the workbook is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it", { file })
      : error("E_WORKBOOK_XLS", "is an Excel 97-2003 workbook (.xls), not .xlsx: open it in Excel and save it as .xlsx (or CSV)", { file });
  }
  const text = head.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b !== 0x7f) || b >= 0x80);
  return error("E_NOT_A_WORKBOOK", text ? "is text, not an .xlsx workbook: a CSV file named .xlsx? Name it .csv" : "is not an .xlsx workbook (an .xlsx file is a zip file)", { file });
}
