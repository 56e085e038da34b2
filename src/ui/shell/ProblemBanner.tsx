/** Problems with the link or the scenario, each with what was wrong, and dismissable. */
import { useApp, useT } from '../StoreContext';
import { fmtInt, type Dict } from '../i18n';
import type { Problem } from '../../store/types';

/** A browser's error text inside a sentence: without its own final full stop. */
function inner(detail: string): string {
  return detail.replace(/[.。]\s*$/, '');
}

/** Numbers in problem texts: both languages group digits with commas. */
const num = (n: unknown) => fmtInt(Number(n), 'en');

export function problemText(p: Problem, t: Dict): string {
  const P = t.problems;
  let text: string;
  switch (p.code) {
    case 'badBase64':
      text = P.badBase64;
      break;
    case 'badJson':
      text = P.badJson(p.detail);
      break;
    case 'badScenario': {
      // The validator's message is "field: expected …" in English; the sentence around it is translated.
      const field = p.field ?? 'scenario';
      const reason = p.detail.startsWith(`${field}: `) ? p.detail.slice(field.length + 2) : p.detail;
      text = P.badScenario(field, reason);
      break;
    }
    case 'unknownScenario':
      text = P.unknownScenario(p.detail);
      break;
    case 'badLesson':
      text = P.badLesson(p.detail);
      break;
    case 'badFrame':
      text = P.badFrame(p.detail);
      break;
    case 'badSpeed':
      text = P.badSpeed(p.detail);
      break;
    case 'badLang':
      text = P.badLang(p.detail);
      break;
    case 'simFailed':
      text = P.simFailed(p.detail);
      break;
    case 'badPackedBase64':
      text = t.shareProblems.badPackedBase64;
      break;
    case 'packedTruncated':
      text = t.shareProblems.packedTruncated;
      break;
    case 'packedCorrupt':
      text = t.shareProblems.packedCorrupt(inner(p.detail));
      break;
    case 'packedJson':
      text = t.shareProblems.packedJson(inner(p.detail));
      break;
    case 'linkTooLarge': {
      const limit = Number(p.args?.limit ?? 0);
      text = p.args?.unpacked
        ? t.shareProblems.unpacksTooLarge(`${num(limit / (1024 * 1024))} MB`)
        : t.shareProblems.linkTooLarge(num(p.args?.size ?? p.detail), num(limit));
      break;
    }
    case 'noDecompression':
      text = t.shareProblems.noDecompression;
      break;
    case 'badTheme':
      text = t.shareProblems.badTheme(p.detail);
      break;
    case 'badLarge':
      text = t.shareProblems.badLarge(p.detail);
      break;
    case 'noView':
      text = P.noView(p.detail);
      break;
    case 'impossibleInitial': {
      const a = p.args ?? {};
      text =
        a.node !== undefined && a.term !== undefined
          ? P.impossibleInitial(`n${a.node}`, String(a.term), String(a.atLeast), String(a.nodes), String(a.quorum))
          : p.detail;
      break;
    }
  }
  // Chinese sentences follow each other without a space.
  const sep = /[。！？）]$/.test(text) ? '' : ' ';
  return p.fellBack ? `${text}${sep}${P.fallback}` : text;
}

/** `extra`: problems of what is shown now (e.g. a protocol without a view), in force while they last, not dismissable. */
export function ProblemBanner({ extra }: { extra?: readonly Problem[] }) {
  const t = useT();
  const problems = useApp((s) => s.problems);
  const dismiss = useApp((s) => s.dismissProblem);
  if (problems.length === 0 && !extra?.length) return null;
  return (
    <div className="problems">
      {extra?.map((p) => (
        <div key={`extra-${p.code}-${p.detail}`} className="problem" role="alert" data-problem={p.code}>
          <span className="problem-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="problem-text">{problemText(p, t)}</span>
        </div>
      ))}
      {problems.map((p, i) => (
        <div key={i} className="problem" role="alert">
          <span className="problem-icon" aria-hidden="true">
            ⚠
          </span>
          <span className="problem-text">{problemText(p, t)}</span>
          <button type="button" className="btn tiny" onClick={() => dismiss(i)}>
            {t.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}
