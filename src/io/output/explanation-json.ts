import type { Explanation } from "../../engine/explain/explanation.js";
import type { Framework } from "../../engine/framework/schema.js";
import type { ProbabilityOf } from "../../engine/uncertainty/category-probabilities.js";

/** Explanations as data: the same facts as the text, numbers unrounded; with a bootstrap, each one's category probabilities. */
export function renderExplanationJson(framework: Framework, explanations: readonly Explanation[], drawn?: { draws: number; seed: number; probabilityOf: ProbabilityOf }): string {
  const doc = {
    framework: { id: framework.id, title: framework.title, categories: framework.categories },
    explanations: drawn === undefined ? explanations : explanations.map((e) => ({ ...e, probabilities: drawn.probabilityOf(e) })),
    ...(drawn === undefined ? {} : { uncertainty: { draws: drawn.draws, seed: drawn.seed } }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
