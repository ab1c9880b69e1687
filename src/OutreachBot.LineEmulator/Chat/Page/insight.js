// What LINE's statistics per aggregation unit count: a bot line shown in this chat is an impression of it, a link
// opened from it a click. The emulator decides whether the line was sent under a unit; the page tells it each line
// once per viewing.

import { call, citizenPath } from './api.js';
import { h, safeUrl } from './dom.js';
import { state } from './page.js';

const seen = new Set();

export function reportSeen(sequence) {
  const key = `${state.current} ${sequence}`;
  if (seen.has(key)) return;
  seen.add(key);
  call('POST', citizenPath('/seen'), { sequence }).catch(() => {});
}

/** A link opened from the bot line holding `node`. */
export function reportOpened(node, url) {
  const line = node && node.closest('[data-sequence]');
  if (line) call('POST', citizenPath('/opened'), { sequence: Number(line.dataset.sequence), url }).catch(() => {});
}

/** Text parts with their http(s) URLs made links, as the LINE app shows them. */
export function withLinks(parts) {
  return parts.flatMap((part) => (typeof part === 'string' ? linked(part) : [part]));
}

function linked(text) {
  const parts = [];
  let at = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>"'　]+/g)) {
    const url = safeUrl(match[0]);
    if (!url) continue;
    const a = h('a', 'link', match[0]);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.addEventListener('click', () => reportOpened(a, match[0]));
    parts.push(text.slice(at, match.index), a);
    at = match.index + match[0].length;
  }
  parts.push(text.slice(at));
  return parts;
}
