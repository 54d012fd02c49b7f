/**
 * Whole-pence arithmetic for care-records money. Amounts are integer pence; a fraction is rounded half up
 * (0.5p becomes 1p) once, at the end of each line. Exact rational arithmetic in BigInt, so no float error.
 */

/** round half up of numerator / denominator, both non-negative integers, denominator > 0. */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): number {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('divideRoundHalfUp: numbers must be non-negative');
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * A percentage as whole basis points (8 → 800, 2.5 → 250). Money rules need exact rates: more than two
 * decimal places is refused rather than silently rounded.
 */
export function percentToBasisPoints(percent: number): number {
  const basisPoints = Math.round(percent * 100);
  if (!Number.isFinite(percent) || percent < 0 || Math.abs(basisPoints - percent * 100) > 1e-6) {
    throw new RangeError(`a percentage must be 0 or more with at most two decimal places, got ${percent}`);
  }
  return basisPoints;
}
