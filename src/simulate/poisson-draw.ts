/**
 * A Poisson draw from a seeded uniform generator (Knuth's multiplication method): multiply uniforms until the
 * product falls to `e^−mean` or below; the number of factors before that is Poisson with that mean. It takes
 * about `mean + 1` uniforms, so it is meant for the small means of recruiting (the simulator's are at most 20).
 * A mean of 0 (or below) draws nothing and returns 0, without consuming a uniform.
 *
 * @example
 * ```ts
 * const random = seededRandom(42);
 * poissonDraw(1.5, random); // 0, 1, 2, … with mean 1.5; the same sequence for seed 42 every time
 * poissonDraw(0, random);   // 0
 * ```
 */
export function poissonDraw(mean: number, random: () => number): number {
  if (!(mean > 0)) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}
