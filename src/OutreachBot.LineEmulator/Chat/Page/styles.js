// Styles taken from a message go through the CSSOM, and only when they are a color or a size LINE allows.

/** A keyword from the map, or a plain "12px" / "50%"; anything else is ignored. */
export function size(value, map) {
  if (typeof value !== 'string') return null;
  if (Object.hasOwn(map, value)) return `${map[value]}px`;
  return /^-?\d+(\.\d+)?(px|%)$/.test(value) ? value : null;
}

export function setColor(node, property, value) {
  if (typeof value === 'string' && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(value)) node.style[property] = value;
}

export function setSize(node, property, value, map = {}) {
  const v = size(value, map);
  if (v !== null) node.style[property] = v;
}
