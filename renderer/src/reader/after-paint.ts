/**
 * Runs `work` once the next frame has been drawn: for work the researcher need not see in that
 * frame (moving the caret costs the browser a selection sync and a layout, which would otherwise
 * hold back the new highlight). Returns a function that cancels it.
 */
export function afterNextPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A timeout queued from a frame callback runs after that frame's paint.
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : undefined;
  const id = frame ? frame(() => (timer = setTimeout(work, 0))) : undefined;
  if (!frame) timer = setTimeout(work, 0);
  return () => {
    if (id !== undefined) cancelAnimationFrame(id);
    clearTimeout(timer);
  };
}

/**
 * Resolves once the next frame has been drawn, or after `limitMs` when none comes first: a
 * hidden or minimised window draws no frames, and work that must happen (a save) cannot wait
 * for the researcher to come back.
 */
export function nextPaint(limitMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      cancel();
      clearTimeout(timer);
      resolve();
    };
    const cancel = afterNextPaint(done);
    const timer = setTimeout(done, limitMs);
  });
}
