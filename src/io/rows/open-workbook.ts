import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { posix } from "node:path";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** One worksheet of a workbook, its rows not yet read. */
export interface WorkbookSheet {
  name: string;
  /** Its place among the workbook's tabs: 1 for the first (chart sheets count, as Excel shows them). */
  position: number;
  /** Its rows, streamed from the zip as they are asked for. */
  rows(): AsyncIterator<ExcelJS.Row>;
}

export interface OpenWorkbook {
  /** Every tab's name, in the order Excel shows them. */
  tabs: string[];
  /** The worksheets in tab order. */
  sheets: WorkbookSheet[];
}

/** The parts of exceljs' streaming reader used here; they are its own parsers but not its typed API. */
interface ReaderParts {
  model?: { sheets?: { name: string; id: number; rId: string }[] };
  workbookRels?: { Id: string; Type: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
}

const require = createRequire(import.meta.url);
const WorksheetReader = require("exceljs/lib/stream/xlsx/worksheet-reader.js") as new (options: {
  workbook: ReaderParts;
  id: number;
  iterator: AsyncIterable<Buffer>;
  options: object;
}) => AsyncIterable<ExcelJS.Row> & { name: string };

const OPTIONS = { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" } as const;

/**
 * An .xlsx workbook opened through its zip's central directory: its relationships, sheet list (and
 * date system), shared strings and styles are parsed first, by exceljs' own streaming parsers, then each
 * worksheet's rows stream from its entry when asked for, so no sheet's rows are held. exceljs' own
 * streaming reader instead takes the entries in one pass in the order they are stored, and that pass
 * now and then, more often under load, ends without giving the last ones (exceljs issues #3064 and
 * #1558; exceljs writes xl/workbook.xml last, and without it a date cell fails on the date system);
 * it also copies to temporary files every sheet stored before the shared strings. The fix exceljs'
 * pull request #3065 proposes is this one. The zip's compressed bytes are held while it is read.
 */
export async function openWorkbook(path: string): Promise<OpenWorkbook> {
  const zip = await JSZip.loadAsync(await readFile(path));
  // Given the path, but never asked to read it: only its parsers are used.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, OPTIONS) as unknown as ReaderParts;
  const part = (name: string) => zip.file(name);
  const rels = part("xl/_rels/workbook.xml.rels");
  const book = part("xl/workbook.xml");
  if (rels === null || book === null) return { tabs: [], sheets: [] };
  await reader._parseRels(await whole(rels));
  await reader._parseWorkbook(await whole(book));
  const shared = part("xl/sharedStrings.xml");
  if (shared !== null) for await (const _ of reader._parseSharedStrings(Readable.from(chunks(shared))));
  const styles = part("xl/styles.xml");
  if (styles !== null) await reader._parseStyles(await whole(styles));

  const listed = reader.model?.sheets ?? [];
  const sheets: WorkbookSheet[] = [];
  listed.forEach((s, i) => {
    const rel = reader.workbookRels?.find((r) => r.Id === s.rId);
    if (rel === undefined || !rel.Type.endsWith("/worksheet")) return;
    const entry = part(partName(rel.Target));
    if (entry === null) return;
    sheets.push({
      name: s.name,
      position: i + 1,
      rows: () => {
        const sheet = new WorksheetReader({ workbook: reader, id: s.id, iterator: chunks(entry), options: OPTIONS });
        sheet.name = s.name;
        return sheet[Symbol.asyncIterator]();
      },
    });
  });
  return { tabs: listed.map((s) => s.name), sheets };
}

/** A relationship's target as the zip names it: relative to xl/, or absolute from the package's root (as openpyxl writes them). */
function partName(target: string): string {
  return target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join("xl", target));
}

async function whole(entry: JSZip.JSZipObject): Promise<Readable> {
  try {
    return Readable.from([await entry.async("nodebuffer")]);
  } catch {
    throw cannotUnpack(entry);
  }
}

/** An entry's inflated bytes; the inflating stops when they are no longer asked for. */
async function* chunks(entry: JSZip.JSZipObject): AsyncGenerator<Buffer> {
  const source = entry.nodeStream("nodebuffer");
  const through = source.pipe(new PassThrough());
  // pipe() does not pass on an error: damaged compressed data would otherwise leave the rows waiting forever.
  source.on("error", (e: Error) => through.destroy(e));
  try {
    for await (const chunk of through) yield chunk as Buffer;
  } catch {
    throw cannotUnpack(entry);
  } finally {
    source.unpipe(through);
    through.destroy();
  }
}

/** Damaged compressed data, said in our words: JSZip's own ("Bug : uncompressed data size mismatch") read as a bug of ours. */
function cannotUnpack(entry: JSZip.JSZipObject): Error {
  return new Error(`its part ${entry.name} cannot be unpacked`);
}
