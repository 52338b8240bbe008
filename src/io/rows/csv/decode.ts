import { isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";
import { error, type Diagnostic } from "../../../engine/diagnostics.js";
import { ENCODINGS, type Encoding } from "./encodings.js";
import { countNewlines } from "./newlines.js";

/** A decoding failure that already knows how to tell the user, with the line of the bad byte. */
export class EncodingError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** The encoding asked for; without one UTF-8, or UTF-16LE when the file starts with that byte order mark (Excel's "Unicode text"). */
export function chooseEncoding(asked: Encoding | undefined, first: Buffer): Encoding {
  return asked ?? (first[0] === 0xff && first[1] === 0xfe ? "utf16le" : "utf8");
}

/** Bytes pushed chunk by chunk, given back as what csv-parse is to read; a chunk may give nothing yet. */
export interface TextPieces {
  push(chunk: Buffer): Buffer | string | null;
  end(): Buffer | string | null;
  /** Line ends (LF, so also CRLF) in what it has given back: it counts them to name the line of a bad byte. */
  readonly lineEnds: number;
}

/** The pieces of a file in `encoding`: checked UTF-8 bytes, or text decoded from another encoding. */
export function textPieces(encoding: Encoding, file: string): TextPieces {
  return encoding === "utf8" ? new Utf8Pieces(file) : new DecodedPieces(encoding, file);
}

/**
 * UTF-8 bytes in pieces that end on a character boundary, each checked to be valid UTF-8, so that they
 * can be cut and filtered as bytes and decoded later. Invalid UTF-8 is an error naming the line: an
 * Excel "CSV" in Windows-1252 would otherwise turn £ and en dashes into garbage.
 */
class Utf8Pieces implements TextPieces {
  lineEnds = 0;
  private carry: Buffer | null = null;

  constructor(private readonly file: string) {}

  push(chunk: Buffer): Buffer | null {
    const bytes: Buffer = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    const cut = characterBoundary(bytes);
    this.carry = cut < bytes.length ? bytes.subarray(cut) : null;
    return cut > 0 ? this.check(bytes.subarray(0, cut)) : null;
  }

  end(): Buffer | null {
    const rest = this.carry;
    this.carry = null;
    return rest === null ? null : this.check(rest);
  }

  private check(piece: Buffer): Buffer {
    if (!isUtf8(piece)) {
      const bad = firstInvalidUtf8(piece);
      const line = this.lineEnds + 1 + countNewlines(piece.subarray(0, bad));
      const byte = `0x${piece[bad]!.toString(16).toUpperCase().padStart(2, "0")}`;
      throw new EncodingError(
        error("E_ENCODING", `not valid UTF-8 (byte ${byte}); a file saved by Excel as "CSV" is often Windows-1252: try --encoding win1252`, { file: this.file, line, column: 1 }),
      );
    }
    this.lineEnds += countNewlines(piece);
    return piece;
  }
}

/** Text decoded from another encoding, chunk by chunk; a byte that encoding cannot have is an error. */
class DecodedPieces implements TextPieces {
  lineEnds = 0;
  private readonly decoder: TextDecoder | null;

  constructor(
    private readonly encoding: Exclude<Encoding, "utf8">,
    private readonly file: string,
  ) {
    this.decoder = encoding === "latin1" ? null : new TextDecoder(encoding === "win1252" ? "windows-1252" : "utf-16le", { fatal: true, ignoreBOM: true });
  }

  push(chunk: Buffer): string {
    return this.decoded(chunk);
  }

  end(): string {
    return this.decoded();
  }

  private decoded(chunk?: Buffer): string {
    const text = this.decoder === null ? (chunk?.toString("latin1") ?? "") : this.decodedBy(this.decoder, chunk);
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.lineEnds++;
    return text;
  }

  private decodedBy(decoder: TextDecoder, chunk?: Buffer): string {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new EncodingError(error("E_ENCODING", `not valid ${this.encoding}; try another --encoding (${ENCODINGS.join(", ")})`, { file: this.file, line: this.lineEnds + 1, column: 1 }));
    }
  }
}

/** Length of the longest prefix that does not end inside a multi-byte character. */
function characterBoundary(bytes: Buffer): number {
  let lead = bytes.length - 1;
  while (lead >= 0 && lead > bytes.length - 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.length;
  const b = bytes[lead]!;
  const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
  return lead + size > bytes.length ? lead : bytes.length;
}

/** Offset of the first byte that cannot be UTF-8, in a piece already known to be invalid. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0 || !isUtf8(bytes.subarray(i, i + size))) return i;
    i += size;
  }
  return bytes.length - 1;
}
