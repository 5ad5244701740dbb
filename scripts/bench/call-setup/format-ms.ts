/** ms to `digits` decimals; "-" where there was nothing to measure (NaN). */
export const formatMs = (value: number, digits = 0) => (Number.isNaN(value) ? "-" : value.toFixed(digits));
/** A difference in ms, signed. */
export const formatDelta = (value: number, digits = 0) => (Number.isNaN(value) ? "-" : `${value >= 0 ? "+" : ""}${value.toFixed(digits)}`);
