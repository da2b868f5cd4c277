import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/**
 * Whether a keydown belongs to an input method (Japanese, Chinese, Korean, Vietnamese…) that is
 * still composing: its Enter commits the words and its arrows choose among candidates, so Gloss
 * must not act on them. Chromium and Safari flag some of these keydowns only with keyCode 229
 * (the first one of a composition, and Safari's Enter that ends it), hence both tests.
 */
export function isImeComposing(event: KeyboardEvent | ReactKeyboardEvent): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  return native.isComposing || native.keyCode === 229;
}
