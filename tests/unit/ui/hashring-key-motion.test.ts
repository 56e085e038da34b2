/**
 * keyMotion.ts: the panel's reads wait while a key canvas has not yet drawn the shown ring
 * version with every key in place — and never when no canvas draws for that store.
 */
import { describe, expect, it } from 'vitest';
import { attachPainter, keysInMotion, keysSettled } from '../../../src/ui/hashring/stage/keyMotion';

describe('keys in motion', () => {
  it('never with no painter attached, whatever the versions', () => {
    const store = {};
    expect(keysInMotion(store, 3)).toBe(false);
    keysSettled(store, 1);
    expect(keysInMotion(store, 3)).toBe(false);
  });
  it('from a new version until the painter says it is settled; per store', () => {
    const a = {};
    const b = {};
    const detach = attachPainter(a);
    expect(keysInMotion(a, 0)).toBe(true);
    keysSettled(a, 0);
    expect(keysInMotion(a, 0)).toBe(false);
    // The shown frame moves to version 1: in motion until it settles.
    expect(keysInMotion(a, 1)).toBe(true);
    expect(keysInMotion(b, 1)).toBe(false);
    keysSettled(a, 1);
    expect(keysInMotion(a, 1)).toBe(false);
    // Back to version 0 (a seek): it must be drawn again first.
    expect(keysInMotion(a, 0)).toBe(true);
    // Before any frame (version -1), nothing waits.
    expect(keysInMotion(a, -1)).toBe(false);
    detach();
    expect(keysInMotion(a, 0)).toBe(false);
  });
});
