/**
 * The example deck's host side (see index.html's header): builds each slide around one
 * embedded lesson, sends host-API commands to the embeds and shows what they answer.
 * It uses only what any host page can: postMessage and the message format in
 * src/ui/host/protocol.ts (imported here for its types and builders, nothing else).
 */
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
// serif.css: a theme that loads no web fonts (white.css inlines 575 KB of them, simple.css
// fetches Google Fonts); deck.css sets the app's system font stack over it.
import 'reveal.js/theme/serif.css';
import './deck.css';
import { dict, fmtInt, fmtTime, type Lang } from '../../src/ui/i18n';
import { isLesson, lessonText } from '../../src/ui/lessons';
import { hostMessage, parseEmbedMessage, type HostCommand } from '../../src/ui/host/protocol';

interface Embed {
  section: HTMLElement;
  lesson: string;
  iframe: HTMLIFrameElement;
  playing: boolean;
  frame: number;
  render(): void;
}

const pageParams = new URLSearchParams(window.location.search);
let lang: Lang = pageParams.get('lang') === 'zh' ? 'zh' : 'en';
/** Where Quorumscope is served: this build's own app by default (two levels up). */
const appBase = new URL(pageParams.get('app') ?? '../../', window.location.href);
const appOrigin = appBase.origin;

function embedSrc(lesson: string, autoplay: boolean): string {
  const u = new URL(appBase.href);
  u.searchParams.set('scenario', lesson);
  u.searchParams.set('embed', '1');
  if (autoplay) u.searchParams.set('autoplay', '1');
  if (lang !== 'en') u.searchParams.set('lang', lang);
  return u.href;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role') node.setAttribute(k, String(v));
    else (node as unknown as Record<string, unknown>)[k] = v;
  }
  node.append(...children);
  return node;
}

function send(embed: Embed, command: HostCommand): void {
  embed.iframe.contentWindow?.postMessage(hostMessage(command), appOrigin);
}

function buildSlide(section: HTMLElement): Embed {
  const lesson = section.dataset.lesson ?? 'raft-election';
  const autoplay = section.dataset.autoplayEmbed === 'true';
  const title = el('h2', { className: 'deck-title' });
  const iframe = el('iframe', { className: 'deck-embed', width: '800', height: '450', src: embedSrc(lesson, autoplay) });
  const back = el('button', { type: 'button', 'data-cmd': 'step-back' });
  const play = el('button', { type: 'button', 'data-cmd': 'play', className: 'deck-play' });
  const fwd = el('button', { type: 'button', 'data-cmd': 'step-forward' });
  const prevMark = el('button', { type: 'button', 'data-cmd': 'prev-mark' });
  const nextMark = el('button', { type: 'button', 'data-cmd': 'next-mark' });
  const seekInput = el('input', { type: 'number', min: '0', step: '1', value: '0', className: 'deck-seek-input' });
  const seekLabel = el('label', { className: 'deck-seek' }, el('span', { className: 'deck-sr' }), seekInput);
  const seekBtn = el('button', { type: 'button', 'data-cmd': 'seek' });
  const langBtn = el('button', { type: 'button', className: 'deck-lang' });
  const ready = el('output', { className: 'deck-ready', 'data-testid': 'deck-ready' });
  const heard = el('output', { className: 'deck-heard', 'data-testid': 'deck-frame' });
  const error = el('output', { className: 'deck-error', 'data-testid': 'deck-error' });
  const keys = el('p', { className: 'deck-keys' });
  const bar = el('div', { className: 'deck-bar', role: 'toolbar' }, back, play, fwd, prevMark, nextMark, seekLabel, seekBtn, langBtn);
  const status = el('div', { className: 'deck-status' }, ready, heard, error);
  section.append(title, iframe, bar, status, keys);

  const embed: Embed = {
    section,
    lesson,
    iframe,
    playing: false,
    frame: 0,
    render() {
      const t = dict(lang);
      const name = isLesson(lesson) ? lessonText(lesson, lang).title : lesson;
      title.textContent = name;
      iframe.title = t.deckEmbedTitle(name);
      back.textContent = `◀ ${t.stepBack}`;
      play.textContent = embed.playing ? `❚❚ ${t.pause}` : `▶ ${t.play}`;
      fwd.textContent = `${t.stepForward} ▶`;
      prevMark.textContent = `« ${t.deckPrevMark}`;
      nextMark.textContent = `${t.deckNextMark} »`;
      (seekLabel.firstChild as HTMLElement).textContent = t.deckSeekFrame;
      seekBtn.textContent = t.deckSeek;
      langBtn.textContent = t.deckSwitchLang;
      langBtn.setAttribute('aria-label', t.deckSwitchLangName);
      langBtn.lang = lang === 'en' ? 'zh-CN' : 'en';
      bar.setAttribute('aria-label', t.deckControls);
      keys.textContent = t.deckKeys;
      if (!ready.dataset.protocol) ready.textContent = t.deckWaiting;
    },
  };

  back.addEventListener('click', () => send(embed, { type: 'step', by: -1 }));
  fwd.addEventListener('click', () => send(embed, { type: 'step', by: 1 }));
  play.addEventListener('click', () => send(embed, { type: embed.playing ? 'pause' : 'play' }));
  prevMark.addEventListener('click', () => send(embed, { type: 'prev-mark' }));
  nextMark.addEventListener('click', () => send(embed, { type: 'next-mark' }));
  const seek = () => send(embed, { type: 'seek', frame: Number(seekInput.value) });
  seekBtn.addEventListener('click', seek);
  seekInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') seek();
  });
  langBtn.addEventListener('click', () => setLang(lang === 'en' ? 'zh' : 'en'));

  // What the embed says back. Only this slide's iframe, from the app's origin, is heard.
  window.addEventListener('message', (e) => {
    if (e.source !== iframe.contentWindow || e.origin !== appOrigin) return;
    const msg = parseEmbedMessage(e.data);
    if (!msg) return;
    const t = dict(lang);
    if (msg.type === 'ready') {
      ready.dataset.protocol = msg.protocol;
      ready.dataset.frames = String(msg.frames);
      ready.textContent = t.deckReady(msg.protocol, fmtInt(msg.frames, lang));
    } else if (msg.type === 'frame') {
      embed.frame = msg.frame;
      embed.playing = msg.playing;
      heard.dataset.frame = String(msg.frame);
      heard.dataset.time = String(msg.time);
      heard.dataset.playing = String(msg.playing);
      heard.textContent = t.deckHeard(fmtInt(msg.frame, lang), fmtTime(msg.time, lang), msg.playing);
      play.textContent = msg.playing ? `❚❚ ${t.pause}` : `▶ ${t.play}`;
    } else {
      error.textContent = t.deckError(msg.message);
      error.dataset.message = msg.message;
    }
  });
  embed.render();
  return embed;
}

const embeds = [...document.querySelectorAll<HTMLElement>('.reveal .slides > section')].map(buildSlide);

function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = dict(lang).deckPageTitle;
  for (const e of embeds) {
    e.render();
    send(e, { type: 'lang', lang });
  }
}
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = dict(lang).deckPageTitle;

const deck = new Reveal({
  hash: true,
  width: 960,
  height: 700,
  margin: 0.02,
  transition: 'slide',
  // The deck's own keys act on the current slide's embed. "." and "b" are a clicker's
  // "blank screen" button: here they play/pause the embed instead of blacking out the deck.
  keyboard: {
    190: () => current((e) => send(e, { type: e.playing ? 'pause' : 'play' })),
    66: () => current((e) => send(e, { type: e.playing ? 'pause' : 'play' })),
    219: () => current((e) => send(e, { type: 'step', by: -1 })),
    221: () => current((e) => send(e, { type: 'step', by: 1 })),
    188: () => current((e) => send(e, { type: 'prev-mark' })),
    77: () => current((e) => send(e, { type: 'next-mark' })),
  },
});

function current(fn: (e: Embed) => void): void {
  const slide = deck.getCurrentSlide();
  const embed = embeds.find((e) => e.section === slide);
  if (embed) fn(embed);
}

void deck.initialize();
// Handy in the console, and for the e2e tests.
(window as unknown as { deck: typeof deck }).deck = deck;
