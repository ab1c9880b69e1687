// Everything the page shows comes from the bot or from people typing, so it is untrusted: text goes in with
// textContent / append(string), URLs are checked before use, styles go through the CSSOM. No innerHTML anywhere.

/** Builds an element; strings become text nodes, never markup. */
export function h(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === '') continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function safeUrl(value, schemes = ['https:', 'http:']) {
  if (typeof value !== 'string' || value === '') return null;
  try {
    const url = new URL(value, location.href);
    return schemes.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function link(href, label) {
  const a = h('a', 'link', label);
  const url = safeUrl(href);
  if (url) {
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  return a;
}

export function image(src, alt, className = 'image') {
  const url = safeUrl(src);
  if (!url) return h('div', `${className} missing`, `${alt || '画像 / Image'} (URL?)`);
  const img = h('img', className);
  img.src = url;
  img.alt = alt || '';
  img.loading = 'lazy';
  img.referrerPolicy = 'no-referrer';
  return img;
}

/** What the page cannot draw, shown as the JSON it received. */
export function unsupported(value, summary) {
  return h('details', 'unsupported', h('summary', null, summary), h('pre', null, JSON.stringify(value, null, 2)));
}

export const clock = (at) => new Date(at).toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' });
