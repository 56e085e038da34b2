/**
 * A message field's value as the inspector shows it: booleans as yes / no and a denied
 * vote's reason code as a short phrase, in the reader's language; numbers and the
 * protocol's own strings (entries, identifiers) as they are.
 */
import type { Dict } from '../i18n';

export function fieldValue(key: string, value: number | string | boolean, t: Dict): string {
  if (typeof value === 'boolean') return value ? t.stageMsgYes : t.stageMsgNo;
  if (key === 'reason' && typeof value === 'string') {
    const phrase = (t.stageMsgReasons as Readonly<Record<string, string | undefined>>)[value];
    if (phrase) return phrase;
  }
  return String(value);
}
