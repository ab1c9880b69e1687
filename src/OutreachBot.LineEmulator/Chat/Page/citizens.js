// The citizens list, the chat's head (who is talking, follow / block) and adding a citizen.

import { call, citizenPath } from './api.js';
import { connect } from './connection.js';
import { h } from './dom.js';
import { act, currentCitizen, showError, state, ui } from './page.js';
import { renderQuickReplies } from './quick-replies.js';
import { upsertLine } from './transcript.js';

const statusLabel = (c) => (c.following ? '友だち / Following' : c.blocked ? 'ブロック中 / Blocked' : '未追加 / Not a friend');

export async function loadCitizens() {
  state.citizens = await call('GET', '/citizens');
  renderCitizens();
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (!state.current && state.citizens.some((c) => c.userId === wanted)) select(wanted);
  else renderHead();
}

function renderCitizens() {
  ui.list.replaceChildren(...state.citizens.map((c) => {
    const button = h('button', 'citizen',
      h('span', 'name', c.displayName),
      h('span', 'meta', `${c.language} · ${statusLabel(c)}`),
      h('span', 'id', c.userId));
    button.type = 'button';
    if (c.userId === state.current) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => select(c.userId));
    return h('li', null, button);
  }));
  ui.noCitizens.hidden = state.citizens.length > 0;
}

function renderHead() {
  const c = currentCitizen();
  ui.title.replaceChildren(c ? c.displayName : '市民を選んでください ', c ? '' : h('span', 'en', 'Pick a citizen'));
  ui.status.textContent = c ? `${statusLabel(c)} · ${c.language} · ${c.userId}` : '';
  ui.follow.disabled = !c || c.following;
  ui.follow.replaceChildren(c && c.blocked ? 'ブロック解除 ' : '友だち追加 ', h('span', 'en', c && c.blocked ? 'Unblock (follow)' : 'Follow'));
  ui.unfollow.disabled = !c || !c.following;
  const canTalk = Boolean(c && !c.blocked);
  for (const control of [ui.text, ui.sticker, ui.location, ui.composer.querySelector('[type=submit]')]) control.disabled = !canTalk;
}

function select(userId) {
  state.current = userId;
  history.replaceState(null, '', `#${encodeURIComponent(userId)}`);
  state.lines.clear();
  ui.transcript.replaceChildren();
  renderQuickReplies();
  renderCitizens();
  renderHead();
  showError('');
  connect(userId);
}

export function wireCitizens() {
  ui.newCitizen.addEventListener('submit', (e) => {
    e.preventDefault();
    const form = new FormData(ui.newCitizen);
    const body = { language: form.get('language') };
    if (form.get('displayName').trim()) body.displayName = form.get('displayName').trim();
    if (form.get('userId').trim()) body.userId = form.get('userId').trim();
    act(async () => {
      const citizen = await call('POST', '/citizens', body);
      ui.newCitizen.reset();
      await loadCitizens();
      select(citizen.userId);
    });
  });

  ui.refresh.addEventListener('click', () => act(loadCitizens));
  window.addEventListener('focus', () => act(loadCitizens));

  for (const [button, path] of [[ui.follow, '/follow'], [ui.unfollow, '/unfollow']]) {
    button.addEventListener('click', () => act(async () => {
      upsertLine(await call('POST', citizenPath(path)));
      await loadCitizens();
    }));
  }
}
