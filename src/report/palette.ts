/** A category's colour in the terminal (a chalk colour name) and on the page, with a shape for readers who cannot tell the colours apart. */
export interface CategoryColour {
  /** What the colour is called, for the legend. */
  name: string;
  hex: string;
  ansi: "green" | "cyan" | "yellow" | "magenta" | "red" | "gray";
  /** The dot's shape in plots: colour never carries the meaning alone. */
  shape: "circle" | "square" | "triangle" | "inverted-triangle" | "diamond" | "cross";
}

/** Best first. Darker-than-default tones, so that each stays legible on white and distinct in greyscale. */
const SCALE: readonly CategoryColour[] = [
  { name: "green", hex: "#1b7837", ansi: "green", shape: "circle" },
  { name: "cyan", hex: "#0f8b9c", ansi: "cyan", shape: "square" },
  { name: "yellow", hex: "#d8a100", ansi: "yellow", shape: "triangle" },
  { name: "red", hex: "#c0262d", ansi: "red", shape: "diamond" },
];

/** Five or more categories (the NOF's segments 1-5) need a fifth step, between yellow and red. */
const WIDE_SCALE: readonly CategoryColour[] = [
  ...SCALE.slice(0, 3),
  { name: "orange", hex: "#c75b12", ansi: "magenta", shape: "inverted-triangle" },
  SCALE[3]!,
];

const NOT_RATED_COLOUR: CategoryColour = { name: "grey", hex: "#8a8a8a", ansi: "gray", shape: "cross" };

/** Making Data Count's special causes in the report's colours: improvement as the best category, concern as the worst; common cause grey. */
export const IMPROVEMENT_COLOUR: CategoryColour = SCALE[0]!;
export const CONCERN_COLOUR: CategoryColour = SCALE[3]!;
export const COMMON_CAUSE_COLOUR: CategoryColour = { ...NOT_RATED_COLOUR, shape: "circle" };

/**
 * The single source of the category colours for the terminal summary and the HTML report: position
 * 0 (best) .. categories-1 (worst); frameworks with more or fewer than four categories spread over
 * the same scale. null is Not rated (or an unscored indicator).
 */
export function categoryColour(index: number | null, categories: number): CategoryColour {
  if (index === null) return NOT_RATED_COLOUR;
  const scale = categories >= WIDE_SCALE.length ? WIDE_SCALE : SCALE;
  return scale[Math.round((index * (scale.length - 1)) / Math.max(1, categories - 1))]!;
}
