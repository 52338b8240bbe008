import { chooseEncoding, textPieces, type TextPieces } from "./decode.js";
import type { Encoding } from "./encodings.js";
import { DEFAULT_CSV_LIMITS, type CsvLimits } from "./limits.js";
import { LinePrefilter } from "./prefilter.js";
import { sniffDelimiter } from "./sniff-delimiter.js";

export interface CsvTextOptions {
  /** Undefined: UTF-8, or UTF-16LE when the file starts with its byte order mark. */
  encoding?: Encoding | undefined;
  limits?: CsvLimits | undefined;
  /**
   * Records whose raw line contains none of these strings are of no interest; they may be left out
   * (see LinePrefilter) and are then only counted.
   */
  onlyLinesWith?: readonly string[] | undefined;
}

/** How the records of a file are told apart, from its first line. */
export interface CsvHead {
  delimiter: string;
  /** Whether records end in CR alone. */
  crOnly: boolean;
}

type Piece = Buffer | string;

/**
 * A file's bytes, pushed chunk by chunk, turned into the text csv-parse is to read: checked to be
 * UTF-8 (or decoded from another encoding), its delimiter and line ends told from its first line,
 * and with `onlyLinesWith` the lines that cannot matter left out. Synchronous and without streams, so
 * that a thread that only reads and filters (scan-worker.ts) does nothing else; csvRows wraps it.
 * `push` and `end` throw an EncodingError for bytes the encoding cannot have.
 */
export class CsvTextFilter {
  /** Known once the first line has come; null before, and for an empty file. */
  head: CsvHead | null = null;
  /** Where lines were left out; null when none can be. */
  lines: LinePrefilter | null = null;
  /** Whether the file turned out to be empty (or blank up to its first line end). */
  empty = false;
  private pieces: TextPieces | null = null;
  private held: Piece[] = [];
  private heldLength = 0;
  private readonly limits: CsvLimits;

  constructor(
    private readonly file: string,
    private readonly options: CsvTextOptions,
  ) {
    this.limits = options.limits ?? DEFAULT_CSV_LIMITS;
  }

  /** Line ends in the file so far, lines left out or not (see TextPieces). */
  get lineEnds(): number {
    return this.pieces?.lineEnds ?? 0;
  }

  /** See LinePrefilter.keepColumns. */
  keepColumns(columns: readonly number[]): void {
    this.lines?.keepColumns(columns);
  }

  /** What to parse of this chunk and any before it held back; one piece, maybe empty. */
  push(chunk: Buffer): Piece {
    this.pieces ??= textPieces(chooseEncoding(this.options.encoding, chunk), this.file);
    const piece = this.pieces.push(chunk);
    return piece === null ? "" : this.take(piece);
  }

  /** What is left to parse at the end of the file. */
  end(): Piece {
    const piece = this.pieces?.end() ?? null;
    const rest = [piece === null ? "" : this.take(piece)];
    if (this.head === null && !this.empty) rest.push(this.open());
    if (this.lines !== null) rest.push(...this.lines.end());
    return joined(rest);
  }

  private take(piece: Piece): Piece {
    if (this.empty) return "";
    if (this.head === null) {
      this.held.push(piece);
      this.heldLength += piece.length;
      const lineEnded = piece.includes("\n") || piece.includes("\r");
      return lineEnded || this.heldLength > this.limits.maxRecordBytes ? this.open() : "";
    }
    return this.lines === null ? piece : joined(this.lines.push(piece as Buffer));
  }

  /** The start of the file up to the end of its first line (or as far as a record may go) is in: tell the delimiter from it. */
  private open(): Piece {
    const first = joined(this.held);
    this.held = [];
    const firstText = first.toString().replace(/^\uFEFF/, "");
    if (firstText.trim() === "") {
      this.empty = true;
      return "";
    }
    const lineEnd = /\r\n?|\n/.exec(firstText)?.[0];
    this.head = {
      delimiter: sniffDelimiter(firstText),
      crOnly: lineEnd === "\r" && firstText.length > firstText.indexOf("\r") + 1,
    };
    const wanted = this.options.onlyLinesWith;
    if (wanted === undefined || typeof first === "string") return first;
    this.lines = new LinePrefilter(wanted, this.head.delimiter, this.limits.maxRecordBytes);
    return joined(this.lines.push(first));
  }
}

/** Pieces as one (csv-parse pays for every chunk it is given): text, or bytes of UTF-8. */
function joined(pieces: readonly Piece[]): Piece {
  const some = pieces.filter((p) => p.length > 0);
  if (some.length <= 1) return some[0] ?? "";
  return typeof some[0] === "string" ? some.join("") : Buffer.concat(some as Buffer[]);
}
