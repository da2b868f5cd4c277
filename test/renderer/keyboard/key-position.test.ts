import { describe, expect, it } from 'vitest';
import { shortcutKey } from '../../../renderer/src/keyboard/key-position';

const key = (key: string, code: string, shiftKey = false) => ({ key, code, shiftKey });

describe('the key a shortcut sees', () => {
  it('is the US key at the same position when the layout types a letter outside ASCII', () => {
    expect(shortcutKey(key('я', 'KeyZ'))).toBe('z'); // Russian
    expect(shortcutKey(key('ζ', 'KeyZ'))).toBe('z'); // Greek
    expect(shortcutKey(key('ז', 'KeyZ'))).toBe('z'); // Hebrew
    expect(shortcutKey(key('Я', 'KeyZ', true))).toBe('Z');
    expect(shortcutKey(key('ъ', 'BracketRight'))).toBe(']');
    expect(shortcutKey(key('х', 'BracketLeft'))).toBe('[');
    expect(shortcutKey(key('é', 'Digit2'))).toBe('2'); // French AZERTY, no Shift
  });

  it('keeps what was typed when it is ASCII, or a key name, or has no US twin', () => {
    expect(shortcutKey(key('a', 'KeyQ'))).toBe('a'); // AZERTY's a stays a
    expect(shortcutKey(key('?', 'Digit7', true))).toBe('?'); // Russian ? is Shift+7
    expect(shortcutKey(key('Escape', 'Escape'))).toBe('Escape');
    expect(shortcutKey(key('ArrowUp', 'ArrowUp'))).toBe('ArrowUp');
    expect(shortcutKey(key('Ъ', 'BracketRight', true))).toBe('Ъ'); // US Shift+] is }, no shortcut
    expect(shortcutKey(key('ё', 'Backquote'))).toBe('ё');
    expect(shortcutKey({ key: 'я', shiftKey: false })).toBe('я'); // no code: nothing to go by
  });
});
