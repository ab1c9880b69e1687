// Template messages: buttons, confirm, carousel and image carousel.

import { actionButton, tappable } from './actions.js';
import { h, image, unsupported } from './dom.js';
import { setColor } from './styles.js';

export function template(t) {
  const actions = (list) => h('div', 'card-actions', ...(Array.isArray(list) ? list : []).map((a) => actionButton(a, 'card-action')));
  switch (t.type) {
    case 'buttons':
      return templateCard(t, t);
    case 'confirm':
      return h('div', 'card confirm', h('div', 'card-text', t.text), actions(t.actions));
    case 'carousel':
      return h('div', 'carousel', ...(t.columns || []).map((column) => templateCard(column, t)));
    case 'image_carousel':
      return h('div', 'carousel', ...(t.columns || []).map((column) =>
        h('div', 'card image-column', image(column.imageUrl, ''), actionButton(column.action || {}, 'card-action'))));
    default:
      return unsupported(t, `未対応のテンプレート / Unsupported template: ${t.type}`);
  }
}

function templateCard(column, t) {
  const card = h('div', 'card template');
  if (column.thumbnailImageUrl) {
    const thumb = image(column.thumbnailImageUrl, '', `thumbnail ${t.imageAspectRatio === 'square' ? 'square' : 'rectangle'}`);
    if (t.imageSize === 'contain') thumb.classList.add('contain');
    setColor(thumb, 'backgroundColor', column.imageBackgroundColor);
    card.append(thumb);
  }
  card.append(h('div', 'card-body', column.title ? h('div', 'card-title', column.title) : null, h('div', 'card-text', column.text)));
  card.append(h('div', 'card-actions', ...(column.actions || []).map((a) => actionButton(a, 'card-action'))));
  if (column.defaultAction) tappable(card, column.defaultAction);
  return card;
}
