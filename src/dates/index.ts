export { formatIsoDay, NO_DAY, parseIsoDay } from './iso-day';
