import { describe, expect, it } from 'vitest';
import { formatChord, matchesChord, parseChord } from '../../../renderer/src/keyboard/chords';

const key = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('key chords', () => {
  it('match a character however Shift made it, but never with Ctrl, Cmd or Alt', () => {
    expect(matchesChord(key('?', { shiftKey: true }), parseChord('?'))).toBe(true);
    expect(matchesChord(key(']'), parseChord(']'))).toBe(true);
    expect(matchesChord(key('J', { shiftKey: true }), parseChord('j'))).toBe(false);
    expect(matchesChord(key('d', { ctrlKey: true }), parseChord('d'))).toBe(false);
    expect(matchesChord(key('d', { altKey: true }), parseChord('d'))).toBe(false);
  });

  it('match a named key only without Shift, unless Shift is written', () => {
    expect(matchesChord(key('Enter'), parseChord('Enter'))).toBe(true);
    expect(matchesChord(key('Enter', { shiftKey: true }), parseChord('Enter'))).toBe(false);
    expect(matchesChord(key('Enter', { shiftKey: true }), parseChord('Shift+Enter'))).toBe(true);
    expect(matchesChord(key('Backspace', { shiftKey: true }), parseChord('Backspace'))).toBe(false);
    expect(matchesChord(key('Backspace', { shiftKey: true }), parseChord('Shift+Backspace'))).toBe(true);
  });

  it('Mod is Ctrl or Cmd, Ctrl is Ctrl only, and Shift must be as written', () => {
    expect(matchesChord(key('z', { ctrlKey: true }), parseChord('Mod+Z'))).toBe(true);
    expect(matchesChord(key('z', { metaKey: true }), parseChord('Mod+Z'))).toBe(true);
    expect(matchesChord(key('Z', { metaKey: true, shiftKey: true }), parseChord('Mod+Z'))).toBe(false);
    expect(matchesChord(key('Z', { metaKey: true, shiftKey: true }), parseChord('Mod+Shift+Z'))).toBe(true);
    expect(matchesChord(key('y', { ctrlKey: true }), parseChord('Ctrl+Y'))).toBe(true);
    expect(matchesChord(key('y', { metaKey: true }), parseChord('Ctrl+Y'))).toBe(false);
  });

  it('are written the way each system writes them', () => {
    expect(formatChord('Mod+Shift+Z', 'mac')).toBe('⇧⌘Z');
    expect(formatChord('Mod+Shift+Z', 'pc')).toBe('Ctrl+Shift+Z');
    expect(formatChord('Mod+Shift+Z', 'docs')).toBe('Ctrl/Cmd+Shift+Z');
    expect(formatChord('Ctrl+Shift+ArrowLeft', 'pc')).toBe('Ctrl+Shift+←');
    expect(formatChord('j', 'mac')).toBe('j');
    expect(formatChord('Escape', 'pc')).toBe('Esc');
  });
});
