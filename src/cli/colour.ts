import { Chalk, type ChalkInstance } from "chalk";
import type { Output, Proc } from "./proc.js";

/**
 * Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or --no-color; chalk
 * and cli-table3 do not check NO_COLOR themselves. FORCE_COLOR turns it on, for demos and tests.
 */
export function colourFor(stream: Output, proc: Proc, allowed: boolean): ChalkInstance {
  const env = proc.env;
  const noColour = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  const on = allowed && !noColour && (forced || stream.isTTY === true);
  return new Chalk({ level: on ? 1 : 0 });
}
