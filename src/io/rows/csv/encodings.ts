/** The encodings `--encoding` takes; the ones Excel exports to. Kept free of imports: the CLI lists them at start-up. */
export const ENCODINGS = ["utf8", "latin1", "win1252", "utf16le"] as const;
export type Encoding = (typeof ENCODINGS)[number];
