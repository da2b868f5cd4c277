import type { GlossState } from './slice';

/**
 * A selector that recomputes only when one of its inputs changed (by identity), so components and
 * the painter get the same object back while nothing it depends on moved.
 */
export function memoised<Inputs extends readonly unknown[], Result>(
  inputsOf: (s: GlossState) => Inputs,
  compute: (inputs: Inputs) => Result,
): (s: GlossState) => Result {
  let last: { inputs: Inputs; result: Result } | undefined;
  return (s) => {
    const inputs = inputsOf(s);
    if (last && last.inputs.length === inputs.length && last.inputs.every((x, i) => x === inputs[i]))
      return last.result;
    last = { inputs, result: compute(inputs) };
    return last.result;
  };
}
