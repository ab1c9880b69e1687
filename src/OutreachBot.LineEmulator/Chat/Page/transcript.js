// The transcript: each line in sequence order, replaced in place when it changes (a delivery outcome, say).

import { renderCitizenLine } from './citizen-lines.js';
import { renderBotLine } from './messages.js';
import { state, ui } from './page.js';
import { renderQuickReplies } from './quick-replies.js';

export function upsertLine(view) {
  if (!view || view.userId !== state.current) return;
  const nearBottom = ui.transcript.scrollHeight - ui.transcript.scrollTop - ui.transcript.clientHeight < 80;
  const node = renderLine(view);
  const existing = state.lines.get(view.sequence);
  if (existing) {
    existing.node.replaceWith(node);
  } else {
    const later = [...state.lines.values()].filter((l) => l.view.sequence > view.sequence)
      .sort((a, b) => a.view.sequence - b.view.sequence)[0];
    ui.transcript.insertBefore(node, later ? later.node : null);
  }
  state.lines.set(view.sequence, { view, node });
  renderQuickReplies();
  if (nearBottom || !existing) ui.transcript.scrollTop = ui.transcript.scrollHeight;
}

export function applyDelivery(delivery) {
  const entry = state.lines.get(delivery.sequence);
  if (entry) upsertLine({ ...entry.view, delivery });
}

function renderLine(view) {
  return view.speaker === 'citizen' ? renderCitizenLine(view) : renderBotLine(view);
}
