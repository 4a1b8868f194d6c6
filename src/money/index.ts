export { parseDecimal, formatUnits, compareDecimals, groupThousands, type ParsedDecimal, type DecimalProblem } from './decimal-string';
export { readMinorUnits, type AmountProblem, type AmountRefusal } from './minor-units';
export { roundQuotient, roundQuotientFloat, ROUNDING_MODES, type RoundingMode } from './rounding';
export { ExactColumn } from './exact-column';
