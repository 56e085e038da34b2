/** The presenter key table: which keys do what, and which controls keep which keys. */
import { describe, expect, it } from 'vitest';
import { presenterAction, targetKind, type KeyLike } from '../../../src/ui/host/keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('presenter keys', () => {
  it.each([
    [' ', 'toggle-play'],
    ['.', 'toggle-play'],
    ['b', 'toggle-play'],
    ['B', 'toggle-play'],
    ['ArrowRight', 'step-forward'],
    ['ArrowLeft', 'step-back'],
    ['PageDown', 'next-mark'],
    ['PageUp', 'prev-mark'],
    ['n', 'next-decision'],
    ['N', 'next-decision'],
    ['Home', 'first'],
    ['End', 'last'],
    ['Escape', 'escape'],
  ])('%j → %s on the stage, a button and a select', (k, action) => {
    expect(presenterAction(key(k), 'other')).toBe(action);
  });

  it('Ctrl+Z and Cmd+Z undo; with Shift or Alt they do not', () => {
    expect(presenterAction(key('z', { ctrlKey: true }), 'other')).toBe('undo');
    expect(presenterAction(key('z', { metaKey: true }), 'other')).toBe('undo');
    expect(presenterAction(key('Z', { ctrlKey: true, shiftKey: true }), 'other')).toBeNull();
    expect(presenterAction(key('z', { ctrlKey: true, altKey: true }), 'other')).toBeNull();
    expect(presenterAction(key('z'), 'other')).toBeNull();
  });

  it('other modified keys stay the browser’s (Ctrl+PageDown switches tabs)', () => {
    expect(presenterAction(key('PageDown', { ctrlKey: true }), 'other')).toBeNull();
    expect(presenterAction(key('ArrowLeft', { altKey: true }), 'other')).toBeNull();
    expect(presenterAction(key('ArrowRight', { metaKey: true }), 'other')).toBeNull();
  });

  it('a text field keeps every key, Escape and Ctrl+Z included', () => {
    for (const k of [' ', '.', 'b', 'PageDown', 'Home', 'Escape', 'ArrowLeft']) expect(presenterAction(key(k), 'text')).toBeNull();
    expect(presenterAction(key('z', { ctrlKey: true }), 'text')).toBeNull();
  });

  it('a checkbox keeps Space only; a radio its arrows too; a range its movement keys', () => {
    expect(presenterAction(key(' '), 'toggle')).toBeNull();
    expect(presenterAction(key('PageDown'), 'toggle')).toBe('next-mark');
    expect(presenterAction(key('.'), 'toggle')).toBe('toggle-play'); // the checkbox keeps Space, not "."
    expect(presenterAction(key('ArrowRight'), 'radio')).toBeNull();
    expect(presenterAction(key('PageDown'), 'radio')).toBe('next-mark');
    for (const k of ['ArrowLeft', 'ArrowRight', 'PageDown', 'PageUp', 'Home', 'End']) expect(presenterAction(key(k), 'range')).toBeNull();
    expect(presenterAction(key(' '), 'range')).toBe('toggle-play');
  });

  it('unrelated keys are nobody’s business here', () => {
    for (const k of ['a', 'Enter', 'Tab', 'ArrowUp', 'ArrowDown', 'F5']) expect(presenterAction(key(k), 'other')).toBeNull();
  });
});

describe('targetKind', () => {
  it('classifies controls', () => {
    expect(targetKind(null)).toBe('other');
    expect(targetKind({ tagName: 'SELECT' })).toBe('other');
    expect(targetKind({ tagName: 'BUTTON' })).toBe('other');
    expect(targetKind({ tagName: 'TEXTAREA' })).toBe('text');
    expect(targetKind({ tagName: 'INPUT' })).toBe('text');
    expect(targetKind({ tagName: 'INPUT', type: 'number' })).toBe('text');
    expect(targetKind({ tagName: 'INPUT', type: 'checkbox' })).toBe('toggle');
    expect(targetKind({ tagName: 'INPUT', type: 'radio' })).toBe('radio');
    expect(targetKind({ tagName: 'INPUT', type: 'range' })).toBe('range');
    expect(targetKind({ tagName: 'INPUT', type: 'button' })).toBe('other');
    expect(targetKind({ tagName: 'DIV', isContentEditable: true })).toBe('text');
    expect(targetKind({ tagName: 'DIV', role: 'textbox' })).toBe('text');
    expect(targetKind({ tagName: 'svg', role: 'slider' })).toBe('other');
  });
});
