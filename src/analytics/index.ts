export { channelKpis, safeChannelKpis } from './channel-kpis';
export { formatChannelKpis } from './format-channel-kpis';
export { CHANNEL_DEFAULTS, MARGIN_DECIMALS, type ChannelPeriod, type ChannelKpisInput } from './channel-input';
export type {
  ChannelKpis,
  PeriodKpis,
  PeriodActivitySummary,
  RoiKpi,
  CpaKpi,
  ClvKpi,
  RetentionFigure,
  RetentionPair,
  LadderKpi,
  NotAssessed,
} from './kpi-types';
