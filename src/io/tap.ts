import { Transform, type Readable } from "node:stream";

/** The input unchanged, with each chunk shown to `look` on its way (to count bytes or lines, say). */
export function tap(input: Readable, look: (chunk: Buffer) => void): Readable {
  const through = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      look(chunk);
      done(null, chunk);
    },
  });
  input.on("error", (e) => through.destroy(e));
  return input.pipe(through);
}
