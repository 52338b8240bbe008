import type { CategoryColour } from "./palette.js";

/**
 * A dot as SVG markup centred on (x, y), drawn in the colour's shape so that a band can be told
 * from another without seeing colour. `inner` goes inside the element (a <title> for hover).
 */
export function shapeSvg(colour: CategoryColour, x: number, y: number, r: number, inner = "", cls = "dot"): string {
  const at = (n: number) => n.toFixed(1);
  const style = `class="${cls}" fill="${colour.hex}"`;
  const close = inner === "" ? "/>" : `>${inner}</${colour.shape === "circle" ? "circle" : colour.shape === "square" ? "rect" : "path"}>`;
  switch (colour.shape) {
    case "circle":
      return `<circle ${style} cx="${at(x)}" cy="${at(y)}" r="${at(r)}"${close}`;
    case "square": {
      const s = r * 0.9;
      return `<rect ${style} x="${at(x - s)}" y="${at(y - s)}" width="${at(2 * s)}" height="${at(2 * s)}"${close}`;
    }
    case "triangle": {
      const s = r * 1.2;
      return `<path ${style} d="M${at(x)} ${at(y - s)}L${at(x + s)} ${at(y + s * 0.8)}L${at(x - s)} ${at(y + s * 0.8)}Z"${close}`;
    }
    case "inverted-triangle": {
      const s = r * 1.2;
      return `<path ${style} d="M${at(x)} ${at(y + s)}L${at(x + s)} ${at(y - s * 0.8)}L${at(x - s)} ${at(y - s * 0.8)}Z"${close}`;
    }
    case "diamond": {
      const s = r * 1.25;
      return `<path ${style} d="M${at(x)} ${at(y - s)}L${at(x + s)} ${at(y)}L${at(x)} ${at(y + s)}L${at(x - s)} ${at(y)}Z"${close}`;
    }
    case "cross": {
      const s = r * 0.9;
      const w = r * 0.35;
      return `<path ${style} d="M${at(x - s)} ${at(y - s + w)}L${at(x - s + w)} ${at(y - s)}L${at(x)} ${at(y - w)}L${at(x + s - w)} ${at(y - s)}L${at(x + s)} ${at(y - s + w)}L${at(x + w)} ${at(y)}L${at(x + s)} ${at(y + s - w)}L${at(x + s - w)} ${at(y + s)}L${at(x)} ${at(y + w)}L${at(x - s + w)} ${at(y + s)}L${at(x - s)} ${at(y + s - w)}L${at(x - w)} ${at(y)}Z"${close}`;
    }
  }
}

/** A small inline icon of the shape, for legends and table cells. */
export function shapeIcon(colour: CategoryColour): string {
  return `<svg class="icon" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">${shapeSvg(colour, 7, 7, 5, "", "mark")}</svg>`;
}
