// The mail panel (local mode): the mails the bot wrote to its mail folder, newest first, and the chosen one as a
// mail client shows it. The mail's HTML is untrusted: it goes only into a sandboxed frame's srcdoc, with no scripts.

import { h } from './dom.js';
import { act } from './page.js';

const api = `${document.documentElement.dataset.base || ''}/_emulator/mails`;
const $ = (id) => document.getElementById(id);
const ui = { layout: $('layout'), panel: $('mails'), list: $('mail-list'), none: $('no-mails'), view: $('mail-view'), refresh: $('refresh-mails') };
let chosen = null;

async function get(path) {
  const response = await fetch(api + path, { headers: { Accept: 'application/json' } });
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
  return data;
}

const when = (date) => (date ? new Date(date).toLocaleString('ja-JP', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '');

export async function loadMails() {
  const data = await get('');
  ui.panel.hidden = !data.available;
  ui.layout.classList.toggle('with-mails', data.available);
  ui.none.hidden = data.mails.length > 0;
  ui.list.replaceChildren(...data.mails.map((mail) => {
    const button = h('button', 'mail-item', h('span', 'mail-subject', mail.subject || '(件名なし / no subject)'),
      h('span', 'mail-meta', `${mail.to} · ${when(mail.date)}`));
    button.type = 'button';
    if (mail.name === chosen) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => act(() => show(mail.name)));
    return h('li', null, button);
  }));
}

function header(label, value) {
  return value ? h('div', 'mail-header', h('dt', null, label), h('dd', null, value)) : null;
}

async function show(name) {
  const mail = await get(`/${encodeURIComponent(name)}`);
  chosen = name;
  const parts = [
    h('h3', 'mail-title', mail.subject || '(件名なし / no subject)'),
    h('dl', 'mail-headers',
      header('From', mail.from), header('To', mail.to), header('Date', when(mail.date)), header('Message-ID', mail.messageId),
      header('List-Unsubscribe', mail.listUnsubscribe), header('List-Unsubscribe-Post', mail.listUnsubscribePost)),
  ];
  if (mail.html) {
    const frame = h('iframe', 'mail-html');
    frame.setAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
    frame.title = 'HTML 版 / HTML part';
    frame.srcdoc = `<base target="_blank">${mail.html}`;
    parts.push(h('h4', null, 'HTML 版 ', h('span', 'en', 'HTML part')), frame);
  }
  if (mail.text) parts.push(h('h4', null, 'テキスト版 ', h('span', 'en', 'Text part')), h('pre', 'mail-text', mail.text));
  ui.view.replaceChildren(...parts);
  ui.view.hidden = false;
  await loadMails();
}

export function wireMails() {
  ui.refresh.addEventListener('click', () => act(loadMails));
  setInterval(() => loadMails().catch(() => {}), 3000);
}
