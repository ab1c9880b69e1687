// The live transcript of the citizen on screen, over server-sent events.

import { api } from './api.js';
import { state, ui } from './page.js';
import { applyDelivery, upsertLine } from './transcript.js';

export function connect(userId) {
  if (state.source) state.source.close();
  // EventSource resumes with Last-Event-ID after a drop; the server replays from there.
  const source = new EventSource(`${api}/citizens/${encodeURIComponent(userId)}/stream`);
  source.addEventListener('line', (e) => { if (state.current === userId) upsertLine(JSON.parse(e.data)); });
  source.addEventListener('delivery', (e) => { if (state.current === userId) applyDelivery(JSON.parse(e.data)); });
  source.addEventListener('error', () => { if (state.current === userId) ui.status.dataset.live = 'reconnecting'; });
  source.addEventListener('open', () => { delete ui.status.dataset.live; });
  state.source = source;
}
