// The quick-reply chips of the bot's last message, shown under the transcript as LINE shows them.

import { actionButton } from './actions.js';
import { image, safeUrl } from './dom.js';
import { state, ui } from './page.js';

export function renderQuickReplies() {
  const last = [...state.lines.values()].sort((a, b) => b.view.sequence - a.view.sequence)[0];
  const items = last && last.view.speaker === 'bot' && last.view.content.quickReply
    ? last.view.content.quickReply.items : null;
  if (!Array.isArray(items) || items.length === 0) {
    ui.quick.replaceChildren();
    ui.quick.hidden = true;
    return;
  }
  ui.quick.replaceChildren(...items.map((item) => {
    const chip = actionButton(item.action || {}, 'chip');
    if (safeUrl(item.imageUrl)) chip.prepend(image(item.imageUrl, '', 'chip-icon'));
    return chip;
  }));
  ui.quick.hidden = false;
}
