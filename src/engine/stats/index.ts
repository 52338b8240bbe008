export { byars } from "./byar.js";
export {
  assignFunnelSignificance,
  assignRatioFunnelSignificance,
  poissonFunnelMean,
  proportionFunnelLimits,
  rateFunnelRow,
  ratioFunnelRow,
  sigmaAdjustment,
  THREE_SIGMA_TAIL,
  TWO_SIGMA_TAIL,
  type FunnelSide,
  type FunnelSignificance,
  type ProportionFunnelLimits,
  type RateFunnelRow,
  type RatioFunnelRow,
} from "./funnel.js";
export { gammaQuantile, logGamma, regularizedGammaP, regularizedGammaQ } from "./gamma.js";
export type { Interval } from "./interval.js";
export { normaliseConfidence, normalQuantile, zForConfidence } from "./normal.js";
export {
  overdispersion,
  type OutlierDamping,
  type OverdispersionInput,
  type OverdispersionKind,
  type OverdispersionMethod,
  type OverdispersionResult,
} from "./overdispersion.js";
export { poissonExact } from "./poisson-exact.js";
export {
  EXACT_BELOW,
  poissonInterval,
  rateInterval,
  type PoissonInterval,
  type PoissonMethod,
  type RateInterval,
} from "./poisson-interval.js";
export { quantilesType7, quantileType7 } from "./quantile.js";
export { wilson } from "./wilson.js";
