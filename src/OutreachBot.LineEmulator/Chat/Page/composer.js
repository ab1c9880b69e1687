// The composer: what the citizen types or sends with a button (text, sticker, location), and postbacks.

import { call, citizenPath } from './api.js';
import { act, currentCitizen, showError, ui } from './page.js';
import { upsertLine } from './transcript.js';

export async function send(message) {
  if (!currentCitizen() || currentCitizen().blocked) {
    showError('ブロック中は送れません / A citizen who blocked the account cannot send');
    return false;
  }
  const line = await act(() => call('POST', citizenPath('/messages'), message));
  if (line) upsertLine(line);
  return Boolean(line);
}

export async function postback(body) {
  const line = await act(() => call('POST', citizenPath('/postback'), body));
  if (line) upsertLine(line);
}

export function sendLocation() {
  send({ type: 'location', title: '市役所 / City Hall', address: '東京都新宿区西新宿2-8-1', latitude: 35.6895, longitude: 139.6917 });
}

export function wireComposer() {
  ui.composer.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = ui.text.value;
    if (!value.trim()) return;
    if (await send({ type: 'text', text: value })) ui.text.value = '';
    ui.text.focus();
  });

  ui.text.addEventListener('keydown', (e) => {
    // While a Japanese IME is composing, Enter confirms the conversion; it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      ui.composer.requestSubmit();
    }
  });

  ui.sticker.addEventListener('click', () => send({ type: 'sticker', packageId: '446', stickerId: '1988' }));
  ui.location.addEventListener('click', sendLocation);
}
