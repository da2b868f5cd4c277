/** How the benchmarks measure and print: medians, and one aligned row per figure. */

export async function median(times: number, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) values.push(await measure());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

/**
 * One figure; with a baseline, the ratio to it. A number target is a ratio to the baseline
 * ("target ≤ 2x"); a text target is printed as it is ("target < 1 s").
 */
export function row(label: string, ms: number, baseline?: number, target?: number | string): void {
  const ratio = baseline ? `  ${(ms / baseline).toFixed(2)}x raw` : '';
  const goal = typeof target === 'number' ? ` (target ≤ ${target}x)` : target ? ` (${target})` : '';
  console.log(`  ${label.padEnd(58)} ${seconds(ms).padStart(9)}${ratio}${goal}`);
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
