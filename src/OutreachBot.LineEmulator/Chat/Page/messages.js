// What the bot sent, drawn as LINE draws it: text, stickers, media, locations, imagemaps, templates and Flex.

import { actionButton } from './actions.js';
import { clock, h, image, link, safeUrl, unsupported } from './dom.js';
import { flex } from './flex.js';
import { reportSeen, withLinks } from './insight.js';
import { currentCitizen, state } from './page.js';
import { template } from './templates.js';

export function renderBotLine(view) {
  const message = view.content || {};
  const column = h('div', 'bot-column');
  if (message.sender && message.sender.name) column.append(h('div', 'sender', message.sender.name));
  let rendered;
  try {
    rendered = renderMessage(message);
  } catch (error) {
    rendered = unsupported(message, `表示できません / Cannot render: ${error.message}`);
  }
  column.append(rendered, h('div', 'meta', `${view.via} · ${clock(view.at)}`));
  const avatar = message.sender && safeUrl(message.sender.iconUrl)
    ? image(message.sender.iconUrl, '', 'avatar')
    : h('div', 'avatar', 'Bot');
  const line = h('li', 'line bot', avatar, column);
  line.dataset.sequence = view.sequence;
  reportSeen(view.sequence);
  return line;
}

function renderMessage(m) {
  switch (m.type) {
    case 'text': return h('div', 'bubble', ...withLinks(withEmojis(m.text || '', m.emojis)));
    case 'textV2': return h('div', 'bubble', ...withSubstitutions(m.text || '', m.substitution || {}));
    case 'sticker': return h('div', 'sticker', 'スタンプ / Sticker', h('small', null, ` ${m.packageId}/${m.stickerId}`));
    case 'image': return mediaLink(image(m.previewImageUrl || m.originalContentUrl, '画像 / Image'), m.originalContentUrl);
    case 'video': return h('div', 'media', image(m.previewImageUrl, '動画 / Video'), link(m.originalContentUrl, '▶ 動画を開く / Open video'));
    case 'audio': return h('div', 'bubble', `🔊 音声 / Audio ${Math.round((m.duration || 0) / 1000)} s `, link(m.originalContentUrl, '開く / Open'));
    case 'location': return locationCard(m, '');
    case 'imagemap': return imagemap(m);
    case 'template': return h('div', 'rich', template(m.template || {}), altText(m.altText));
    case 'flex': return h('div', 'rich', flex(m.contents || {}), altText(m.altText));
    default: return unsupported(m, `未対応の種類 / Unsupported type: ${m.type}`);
  }
}

function altText(value) {
  return value ? h('div', 'alt-text', `通知 / Notification: ${value}`) : null;
}

function mediaLink(node, href) {
  const url = safeUrl(href);
  if (!url) return node;
  const a = h('a', 'media', node);
  a.href = url;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** LINE emoji are `$` placeholders in the text; show each as a marked symbol. */
function withEmojis(value, emojis) {
  const marks = (Array.isArray(emojis) ? emojis : []).filter((e) => Number.isInteger(e.index))
    .sort((a, b) => a.index - b.index);
  const parts = [];
  let at = 0;
  for (const e of marks) {
    if (e.index < at || e.index >= value.length) continue;
    parts.push(value.slice(at, e.index), lineEmoji(e));
    at = e.index + 1;
  }
  parts.push(value.slice(at));
  return parts;
}

function withSubstitutions(value, substitution) {
  const parts = [];
  let at = 0;
  for (const match of value.matchAll(/\{([A-Za-z0-9_]{1,20})\}/g)) {
    const sub = Object.hasOwn(substitution, match[1]) ? substitution[match[1]] : null;
    if (!sub) continue;
    parts.push(value.slice(at, match.index));
    if (sub.type === 'emoji') {
      parts.push(lineEmoji(sub));
    } else {
      const who = sub.mentionee && sub.mentionee.type === 'all' ? 'all'
        : sub.mentionee && sub.mentionee.userId === state.current ? (currentCitizen() || {}).displayName : 'user';
      parts.push(h('span', 'mention', `@${who}`));
    }
    at = match.index + match[0].length;
  }
  parts.push(value.slice(at));
  return parts;
}

function lineEmoji(e) {
  const mark = h('span', 'line-emoji', '☺');
  mark.title = `LINE 絵文字 / LINE emoji ${e.productId}/${e.emojiId}`;
  return mark;
}

export function locationCard(m, extra) {
  const lat = Number(m.latitude);
  const lng = Number(m.longitude);
  return h('div', `card location ${extra}`,
    h('div', 'card-title', `📍 ${m.title || '位置情報 / Location'}`),
    m.address ? h('div', 'card-text', m.address) : null,
    h('div', 'coords', `${lat}, ${lng}`),
    link(`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`, '地図 / Map'));
}

function imagemap(m) {
  const base = m.baseSize || { width: 1040, height: 1040 };
  const frame = h('div', 'imagemap', image(typeof m.baseUrl === 'string' ? `${m.baseUrl}/1040` : null, m.altText));
  frame.style.aspectRatio = `${Number(base.width) || 1040} / ${Number(base.height) || 1040}`;
  for (const area of Array.isArray(m.actions) ? m.actions : []) {
    const a = area.area || {};
    const action = area.type === 'uri' ? { type: 'uri', uri: area.linkUri, label: area.label }
      : area.type === 'message' ? { type: 'message', text: area.text, label: area.label }
        : { ...area };
    const spot = actionButton(action, 'imagemap-area');
    spot.style.left = `${(100 * a.x) / base.width}%`;
    spot.style.top = `${(100 * a.y) / base.height}%`;
    spot.style.width = `${(100 * a.width) / base.width}%`;
    spot.style.height = `${(100 * a.height) / base.height}%`;
    frame.append(spot);
  }
  return h('div', 'rich', frame, altText(m.altText));
}
