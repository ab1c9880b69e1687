// Flex messages: bubbles and carousels of boxes, texts, images, buttons and icons, laid out with CSS flexbox.

import { actionButton, tappable } from './actions.js';
import { h, image } from './dom.js';
import { setColor, setSize, size } from './styles.js';

const TEXT_SIZE = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, '3xl': 35, '4xl': 48, '5xl': 74 };
const SPACE = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
const IMAGE_SIZE = { xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, '3xl': 180, '4xl': 200, '5xl': 240 };
const BORDER = { none: 0, light: 0.5, normal: 1, medium: 2, 'semi-bold': 3, bold: 4 };
const BUBBLE_WIDTH = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };
const ALIGN = { start: 'flex-start', center: 'center', end: 'flex-end' };
const JUSTIFY = ['flex-start', 'center', 'flex-end', 'space-between', 'space-around', 'space-evenly'];

export function flex(contents) {
  if (contents.type === 'carousel') return h('div', 'carousel', ...(contents.contents || []).map(flexBubble));
  return flexBubble(contents);
}

function flexBubble(b) {
  const bubble = h('div', 'fx-bubble');
  bubble.style.width = `${BUBBLE_WIDTH[b.size] || BUBBLE_WIDTH.mega}px`;
  if (b.direction === 'rtl') bubble.dir = 'rtl';
  for (const part of ['header', 'hero', 'body', 'footer']) {
    if (!b[part]) continue;
    const block = h('div', `fx-block fx-${part}`, flexComponent(b[part], 'vertical'));
    const style = (b.styles || {})[part] || {};
    setColor(block, 'backgroundColor', style.backgroundColor);
    if (style.separator) {
      block.classList.add('fx-separated');
      setColor(block, 'borderTopColor', style.separatorColor);
    }
    bubble.append(block);
  }
  if (b.action) tappable(bubble, b.action);
  return bubble;
}

function flexComponent(c, parent) {
  let node;
  switch (c.type) {
    case 'box': node = flexBox(c); break;
    case 'text': node = flexText(c); break;
    case 'image': node = flexImage(c, parent); break;
    case 'button': node = flexButton(c); break;
    case 'icon': node = flexIcon(c); break;
    case 'separator': node = h('div', `fx-separator fx-in-${parent}`); setColor(node, 'borderColor', c.color); break;
    case 'filler': node = h('div', 'fx-filler'); break;
    case 'spacer': node = h('div', 'fx-spacer'); setSize(node, parent === 'vertical' ? 'height' : 'width', c.size || 'md', SPACE); break;
    case 'video': node = c.altContent ? flexComponent(c.altContent, parent) : h('div', 'fx-video', '▶ 動画 / Video'); break;
    default: node = h('div', 'fx-unknown', `[${c.type}]`);
  }
  const fixed = ['separator', 'icon', 'spacer'].includes(c.type);
  const grow = Number.isFinite(c.flex) ? c.flex : c.type === 'filler' || (parent !== 'vertical' && !fixed) ? 1 : 0;
  if (!fixed || c.type === 'filler') {
    node.style.flex = grow > 0 ? (parent === 'vertical' ? `${grow} 0 auto` : `${grow} ${grow} 0%`) : '0 0 auto';
  }
  setSize(node, parent === 'vertical' ? 'marginTop' : 'marginInlineStart', c.margin, SPACE);
  if (c.position === 'absolute') node.style.position = 'absolute';
  setSize(node, 'top', c.offsetTop, SPACE);
  setSize(node, 'bottom', c.offsetBottom, SPACE);
  setSize(node, 'insetInlineStart', c.offsetStart, SPACE);
  setSize(node, 'insetInlineEnd', c.offsetEnd, SPACE);
  if (c.gravity && ALIGN[c.gravity === 'top' ? 'start' : c.gravity === 'bottom' ? 'end' : c.gravity] && parent !== 'vertical') {
    node.style.alignSelf = ALIGN[c.gravity === 'top' ? 'start' : c.gravity === 'bottom' ? 'end' : c.gravity];
  }
  if (c.action && c.type !== 'button') tappable(node, c.action);
  return node;
}

function flexBox(c) {
  const layout = ['horizontal', 'baseline'].includes(c.layout) ? c.layout : 'vertical';
  const box = h('div', `fx-box fx-${layout}`, ...(c.contents || []).map((child) => flexComponent(child, layout)));
  setSize(box, 'gap', c.spacing, SPACE);
  setColor(box, 'backgroundColor', c.backgroundColor);
  setColor(box, 'borderColor', c.borderColor);
  if (c.borderWidth) {
    setSize(box, 'borderWidth', c.borderWidth, BORDER);
    box.style.borderStyle = 'solid';
  }
  setSize(box, 'borderRadius', c.cornerRadius, SPACE);
  setSize(box, 'padding', c.paddingAll, SPACE);
  setSize(box, 'paddingTop', c.paddingTop, SPACE);
  setSize(box, 'paddingBottom', c.paddingBottom, SPACE);
  setSize(box, 'paddingInlineStart', c.paddingStart, SPACE);
  setSize(box, 'paddingInlineEnd', c.paddingEnd, SPACE);
  for (const p of ['width', 'height', 'maxWidth', 'maxHeight']) setSize(box, p, c[p]);
  if (JUSTIFY.includes(c.justifyContent)) box.style.justifyContent = c.justifyContent;
  if (JUSTIFY.includes(c.alignItems)) box.style.alignItems = c.alignItems;
  const g = c.background;
  if (g && g.type === 'linearGradient' && /^-?\d+(\.\d+)?deg$/.test(g.angle || '')) {
    const colors = [g.startColor, g.centerColor, g.endColor].filter((v) => typeof v === 'string' && /^#[0-9a-fA-F]{6,8}$/.test(v));
    if (colors.length >= 2) box.style.backgroundImage = `linear-gradient(${g.angle}, ${colors.join(', ')})`;
  }
  return box;
}

function styleText(node, c) {
  setSize(node, 'fontSize', c.size || 'md', TEXT_SIZE);
  if (c.weight === 'bold') node.style.fontWeight = '700';
  setColor(node, 'color', c.color);
  if (c.style === 'italic') node.style.fontStyle = 'italic';
  if (c.decoration === 'underline' || c.decoration === 'line-through') node.style.textDecoration = c.decoration;
}

function flexText(c) {
  const spans = Array.isArray(c.contents) && c.contents.length > 0
    ? c.contents.map((s) => { const span = h('span', null, s.text); styleText(span, s); return span; })
    : [c.text];
  const node = h('div', `fx-text${c.wrap ? ' fx-wrap' : ''}`, ...spans);
  styleText(node, c);
  if (['start', 'end', 'center'].includes(c.align)) node.style.textAlign = c.align;
  if (c.wrap && Number.isInteger(c.maxLines) && c.maxLines > 0) {
    node.classList.add('fx-clamp');
    node.style.webkitLineClamp = String(c.maxLines);
  }
  const spacing = size(c.lineSpacing, {});
  if (spacing) node.style.lineHeight = `calc(1.4em + ${spacing})`;
  return node;
}

function flexImage(c, parent) {
  const frame = h('div', 'fx-image', image(c.url, c.altText || ''));
  if (c.size === 'full') frame.style.width = '100%';
  else setSize(frame, 'width', c.size || 'md', IMAGE_SIZE);
  const img = frame.firstChild;
  const ratio = /^(\d+(\.\d+)?):(\d+(\.\d+)?)$/.exec(c.aspectRatio || '1:1');
  if (ratio) img.style.aspectRatio = `${ratio[1]} / ${ratio[3]}`;
  img.style.objectFit = c.aspectMode === 'cover' ? 'cover' : 'contain';
  setColor(img, 'backgroundColor', c.backgroundColor);
  if (parent === 'vertical') frame.style.alignSelf = ALIGN[c.align] || 'center';
  return frame;
}

function flexIcon(c) {
  const icon = image(c.url, '', 'fx-icon');
  setSize(icon, 'height', c.size || 'md', TEXT_SIZE);
  const ratio = /^(\d+(\.\d+)?):(\d+(\.\d+)?)$/.exec(c.aspectRatio || '1:1');
  if (ratio) icon.style.aspectRatio = `${ratio[1]} / ${ratio[3]}`;
  return icon;
}

function flexButton(c) {
  const style = ['primary', 'secondary'].includes(c.style) ? c.style : 'link';
  const button = actionButton(c.action || {}, `fx-button fx-button-${style}${c.height === 'sm' ? ' fx-button-sm' : ''}`);
  setColor(button, style === 'link' ? 'color' : 'backgroundColor', c.color);
  return button;
}
