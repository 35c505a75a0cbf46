/** Money is a decimal number in the package's currency; sums are done in integer cents. */
export const toCents = (amount: number): number => Math.round(amount * 100);
export const fromCents = (cents: number): number => cents / 100;

/** numerator / denominator rounded half up, for non-negative integers. */
export const divideRounded = (numerator: number, denominator: number): number => Math.floor((2 * numerator + denominator) / (2 * denominator));
