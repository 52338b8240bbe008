import type { Explanation } from "../../engine/explain/explanation.js";
import type { Framework } from "../../engine/framework/schema.js";

/** Explanations as data: the same facts as the text, numbers unrounded. */
export function renderExplanationJson(framework: Framework, explanations: readonly Explanation[]): string {
  const doc = {
    framework: { id: framework.id, title: framework.title, categories: framework.categories },
    explanations,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
