export type { OrderRecord } from './order-record';
export { ingestOrders, safeIngestOrders, KIND_CODE, type OrderBook } from './ingest-orders';
export type { AffiliateVolumes } from './affiliate-volumes';
export { OrderBookBuilder } from './order-book-builder';
