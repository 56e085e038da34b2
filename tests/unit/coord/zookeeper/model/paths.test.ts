/** Path validation as PathUtils.validatePath, parent/name, the sequential suffix. */
import { describe, expect, it } from 'vitest';
import { isSpecialPath, isSystemPath, isValidPath, joinPath, nameOf, parentOf, pathProblem, sequentialPath, sequentialSuffix } from '../../../../../src/core/coord/zookeeper/paths';

describe('validatePath', () => {
  it.each(['/', '/a', '/a/b', '/a.b', '/...', '/a/.b', '/a/b.', '/zookeeper/quota', '/é', '/lock-0000000001'])('accepts %j', (p) => {
    expect(pathProblem(p)).toBeNull();
  });
  it.each([
    ['', 'Path length must be > 0'],
    ['a', 'Path must start with / character'],
    ['/a/', 'Path must not end with / character'],
    ['//a', 'empty node name specified @1'],
    ['/a//b', 'empty node name specified @3'],
    ['/.', 'relative paths not allowed @1'],
    ['/a/.', 'relative paths not allowed @3'],
    ['/./a', 'relative paths not allowed @1'],
    ['/..', 'relative paths not allowed @2'],
    ['/a/../b', 'relative paths not allowed @4'],
    ['/a\u0000b', 'null character not allowed @2'],
    ['/a\u0001', 'invalid character @2'],
    ['/a\u007f', 'invalid character @2'],
    ['/a\ud800', 'invalid character @2'],
    ['/a\ufff0', 'invalid character @2'],
  ])('refuses %j (%s)', (p, why) => {
    expect(pathProblem(p)).toBe(why);
    expect(isValidPath(p)).toBe(false);
  });
  it('a sequential path may end with "/" (the suffix is the last segment)', () => {
    expect(isValidPath('/locks/', true)).toBe(true);
    expect(isValidPath('/locks/')).toBe(false);
    expect(isValidPath('/', true)).toBe(true);
    expect(isValidPath('//', true)).toBe(false);
  });
});

describe('parent and name', () => {
  it('splits at the last slash; the root is its own parent', () => {
    expect(parentOf('/a')).toBe('/');
    expect(parentOf('/a/b/c')).toBe('/a/b');
    expect(parentOf('/')).toBe('/');
    expect(nameOf('/a/b')).toBe('b');
    expect(nameOf('/')).toBe('');
    expect(joinPath('/', 'a')).toBe('/a');
    expect(joinPath('/a', 'b')).toBe('/a/b');
  });
  it('special and system paths', () => {
    for (const p of ['/', '/zookeeper', '/zookeeper/quota', '/zookeeper/config']) expect(isSpecialPath(p)).toBe(true);
    expect(isSpecialPath('/zookeeper/other')).toBe(false);
    expect(isSystemPath('/zookeeper/other')).toBe(true);
    expect(isSystemPath('/zookeeperx')).toBe(false);
    expect(isSystemPath('/')).toBe(false);
  });
});

describe('sequential suffix', () => {
  it('is %010d of the counter', () => {
    expect(sequentialSuffix(0)).toBe('0000000000');
    expect(sequentialSuffix(3)).toBe('0000000003');
    expect(sequentialSuffix(2147483647)).toBe('2147483647');
    expect(sequentialPath('/l/lock-', 12)).toBe('/l/lock-0000000012');
  });
});
