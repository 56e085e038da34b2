/**
 * ZooKeeper znode paths, as org.apache.zookeeper.common.PathUtils and the server's
 * PrepRequestProcessor treat them. Pure.
 */

/** The paths ZooKeeper itself owns (DataTree.isSpecialPath): delete refuses them with BadArguments. */
export const ROOT = '/';
export const ZOOKEEPER_PATH = '/zookeeper';
export const QUOTA_PATH = '/zookeeper/quota';
export const CONFIG_PATH = '/zookeeper/config';
export const SPECIAL_PATHS: readonly string[] = [ROOT, ZOOKEEPER_PATH, QUOTA_PATH, CONFIG_PATH];

export function isSpecialPath(path: string): boolean {
  return SPECIAL_PATHS.includes(path);
}

/** True for `/zookeeper` and everything under it (the CLI's `tree` leaves them out). */
export function isSystemPath(path: string): boolean {
  return path === ZOOKEEPER_PATH || path.startsWith(ZOOKEEPER_PATH + '/');
}

/**
 * Why `path` is not a valid znode path, or null when it is — PathUtils.validatePath(path):
 * non-empty, starts with "/", no trailing "/" (except the root), no empty segment, no "."
 * or ".." segment, no NUL and none of the characters ZooKeeper refuses (U+0001–U+001F,
 * U+007F–U+009F, U+D800–U+F8FF, U+FFF0–U+FFFF). With `sequential`, as
 * PathUtils.validatePath(path, true): the suffix is appended first, so "/locks/" is valid.
 */
export function pathProblem(path: string, sequential = false): string | null {
  const p = sequential ? path + '1' : path;
  if (p.length === 0) return 'Path length must be > 0';
  if (p[0] !== '/') return 'Path must start with / character';
  if (p.length === 1) return null;
  if (p[p.length - 1] === '/') return 'Path must not end with / character';
  let last = '/';
  for (let i = 1; i < p.length; last = p[i], i++) {
    const c = p[i];
    const code = p.charCodeAt(i);
    const endsHere = i + 1 === p.length || p[i + 1] === '/';
    if (code === 0) return `null character not allowed @${i}`;
    if (c === '/' && last === '/') return `empty node name specified @${i}`;
    if (c === '.' && last === '.') {
      if (p[i - 2] === '/' && endsHere) return `relative paths not allowed @${i}`;
    } else if (c === '.') {
      if (p[i - 1] === '/' && endsHere) return `relative paths not allowed @${i}`;
    } else if ((code > 0 && code <= 0x1f) || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xf8ff) || code >= 0xfff0) {
      return `invalid character @${i}`;
    }
  }
  return null;
}

export function isValidPath(path: string, sequential = false): boolean {
  return pathProblem(path, sequential) === null;
}

/** The parent of a valid non-root path ("/a" → "/", "/a/b" → "/a"); "/" for "/". */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? ROOT : path.slice(0, slash);
}

/** The last segment ("/a/b" → "b"; "" for "/"). */
export function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `child` under `parent` ("/" + "a" → "/a"). */
export function joinPath(parent: string, child: string): string {
  return parent === ROOT ? ROOT + child : parent + '/' + child;
}

/**
 * The sequential suffix: String.format("%010d", n) of the parent's count of children ever
 * created (StatPersisted.cversion, see tree.ts). Negative counts never happen here; a
 * count past 2^31 − 1 would wrap in Java, which no simulation reaches.
 */
export function sequentialSuffix(n: number): string {
  return String(n).padStart(10, '0');
}

/** The path a sequential create makes: the asked path with the suffix appended. */
export function sequentialPath(path: string, counter: number): string {
  return path + sequentialSuffix(counter);
}
