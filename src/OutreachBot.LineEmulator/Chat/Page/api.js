// The emulator's chat API, under the host's path base.

import { state } from './page.js';

export const api = `${document.documentElement.dataset.base || ''}/_emulator/chat`;

export async function call(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(api + path, init);
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error((data && (data.detail || data.title)) || `HTTP ${response.status}`);
  return data;
}

export const citizenPath = (suffix = '') => `/citizens/${encodeURIComponent(state.current)}${suffix}`;
