// The ROPO / showrooming report (README, "ROPO and showrooming").
export { computeRopo, isStorePurchase, RESEARCH_EVENTS, UNKNOWN_CATEGORY } from './compute';
export type {
  BrowsingEvent,
  RopoCategoryCounts,
  RopoCounts,
  RopoInput,
  RopoReport,
  RopoStoreCounts,
  RopoWeekCounts,
  StoreLine,
  WebLine,
} from './compute';
export type { IngestionStats, RopoSources } from './ingest';
export { lookbackStartMs } from './lookback';
export { RopoService } from './service';
export type { RopoDeps, RopoOptions } from './service';
