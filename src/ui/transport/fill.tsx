/**
 * Fills a dictionary template's {name} slots with React nodes, so a translated sentence
 * can keep a number in its own element (data-testid="frame") wherever its language puts it.
 */
import { Fragment, type ReactNode } from 'react';

export function fillTemplate(template: string, slots: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/).map((part, i) => {
    const m = /^\{(\w+)\}$/.exec(part);
    return <Fragment key={i}>{m && m[1] in slots ? slots[m[1]] : part}</Fragment>;
  });
}
