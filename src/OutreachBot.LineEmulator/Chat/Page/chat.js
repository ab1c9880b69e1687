// The emulator's chat page. Everything it shows comes from the bot or from people typing, so it is untrusted:
// text goes in with textContent / append(string), URLs are checked before use, styles go through the CSSOM.
// No innerHTML anywhere.
'use strict';

(() => {
  const api = `${document.documentElement.dataset.base || ''}/_emulator/chat`;
  const $ = (id) => document.getElementById(id);
  const ui = {
    botUrl: $('bot-url'), list: $('citizen-list'), noCitizens: $('no-citizens'), newCitizen: $('new-citizen'),
    refresh: $('refresh-citizens'), title: $('chat-title'), status: $('chat-status'), follow: $('follow'),
    unfollow: $('unfollow'), error: $('error'), transcript: $('transcript'), quick: $('quick-replies'),
    composer: $('composer'), sticker: $('send-sticker'), location: $('send-location'),
    picker: $('picker'), pickerForm: $('picker-form'), pickerLabel: $('picker-label'), pickerInput: $('picker-input'),
    pickerCancel: $('picker-cancel'),
  };
  const text = ui.composer.elements.namedItem('text');
  const state = { citizens: [], current: null, lines: new Map(), source: null, picking: null };

  // ---- small helpers -------------------------------------------------------------------------------------------

  /** Builds an element; strings become text nodes, never markup. */
  function h(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined || child === false || child === '') continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function safeUrl(value, schemes = ['https:', 'http:']) {
    if (typeof value !== 'string' || value === '') return null;
    try {
      const url = new URL(value, location.href);
      return schemes.includes(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  }

  function link(href, label) {
    const a = h('a', 'link', label);
    const url = safeUrl(href);
    if (url) {
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }
    return a;
  }

  function image(src, alt, className = 'image') {
    const url = safeUrl(src);
    if (!url) return h('div', `${className} missing`, `${alt || '画像 / Image'} (URL?)`);
    const img = h('img', className);
    img.src = url;
    img.alt = alt || '';
    img.loading = 'lazy';
    img.referrerPolicy = 'no-referrer';
    return img;
  }

  async function call(method, path, body) {
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

  function showError(message) {
    ui.error.textContent = message || '';
    ui.error.hidden = !message;
  }

  async function act(action) {
    showError('');
    try {
      return await action();
    } catch (error) {
      showError(`エラー / Error: ${error.message}`);
      return null;
    }
  }

  const citizenPath = (suffix = '') => `/citizens/${encodeURIComponent(state.current)}${suffix}`;
  const currentCitizen = () => state.citizens.find((c) => c.userId === state.current) || null;
  const statusLabel = (c) => (c.following ? '友だち / Following' : c.blocked ? 'ブロック中 / Blocked' : '未追加 / Not a friend');
  const clock = (at) => new Date(at).toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' });

  // ---- citizens -------------------------------------------------------------------------------------------------

  async function loadCitizens() {
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
    for (const control of [text, ui.sticker, ui.location, ui.composer.querySelector('[type=submit]')]) control.disabled = !canTalk;
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

  // ---- live transcript ------------------------------------------------------------------------------------------

  function connect(userId) {
    if (state.source) state.source.close();
    // EventSource resumes with Last-Event-ID after a drop; the server replays from there.
    const source = new EventSource(`${api}/citizens/${encodeURIComponent(userId)}/stream`);
    source.addEventListener('line', (e) => { if (state.current === userId) upsertLine(JSON.parse(e.data)); });
    source.addEventListener('delivery', (e) => { if (state.current === userId) applyDelivery(JSON.parse(e.data)); });
    source.addEventListener('error', () => { if (state.current === userId) ui.status.dataset.live = 'reconnecting'; });
    source.addEventListener('open', () => { delete ui.status.dataset.live; });
    state.source = source;
  }

  function upsertLine(view) {
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

  function applyDelivery(delivery) {
    const entry = state.lines.get(delivery.sequence);
    if (entry) upsertLine({ ...entry.view, delivery });
  }

  function renderLine(view) {
    return view.speaker === 'citizen' ? renderCitizenLine(view) : renderBotLine(view);
  }

  // ---- what the citizen did -------------------------------------------------------------------------------------

  function renderCitizenLine(view) {
    const event = view.content || {};
    let body;
    let system = false;
    switch (event.type) {
      case 'message':
        body = citizenMessage(event.message || {});
        break;
      case 'postback': {
        const params = event.postback && event.postback.params ? ` ${JSON.stringify(event.postback.params)}` : '';
        if (view.displayText) {
          body = h('div', 'bubble mine', view.displayText);
        } else {
          system = true;
          body = h('div', 'note', `ポストバック / Postback: ${event.postback ? event.postback.data : ''}${params}`);
        }
        break;
      }
      case 'follow':
        system = true;
        body = h('div', 'note', event.follow && event.follow.isUnblocked
          ? 'ブロックを解除しました / Unblocked (follow, isUnblocked: true)'
          : '友だち追加しました / Added as a friend (follow)');
        break;
      case 'unfollow':
        system = true;
        body = h('div', 'note', 'ブロックしました / Blocked the account (unfollow)');
        break;
      default:
        system = true;
        body = h('div', 'note', event.type || '?');
    }
    return h('li', `line citizen${system ? ' system' : ''}`, body,
      h('div', 'line-foot', deliveryStatus(view), h('span', 'meta', clock(view.at))));
  }

  function citizenMessage(message) {
    switch (message.type) {
      case 'text':
        return h('div', 'bubble mine', message.text);
      case 'sticker':
        return h('div', 'sticker mine', 'スタンプ / Sticker', h('small', null, ` ${message.packageId}/${message.stickerId}`));
      case 'location':
        return locationCard(message, 'mine');
      default:
        return h('div', 'bubble mine', `[${message.type}]`);
    }
  }

  function deliveryStatus(view) {
    const d = view.delivery;
    if (!d) return null;
    const box = h('div', `delivery ${d.state}`);
    if (d.state === 'pending') {
      box.append('送信中… / Sending…');
    } else if (d.state === 'failed') {
      box.append(d.status === null
        ? `ボットに届きません / Not delivered: ${d.error || ''}`
        : `ボットの応答 ${d.status} / Bot answered ${d.status}${d.error ? `: ${d.error}` : ''}`);
      box.append(' ', redeliverButton(d, '再送 / Redeliver'));
    } else {
      if (d.status !== 200) box.append(`ボットの応答 ${d.status} / Bot answered ${d.status} `);
      if (d.redelivered) box.append('再送で配信 / Delivered on redelivery ');
      const again = redeliverButton(d, '↻');
      again.title = '同じイベントを再送（重複排除の確認） / Redeliver the same event (tests dedupe)';
      box.append(again);
    }
    if (d.slow) box.append(h('div', 'slow', `⚠ ${d.elapsedMs} ms — LINE は約 2 秒で打ち切ります / LINE gives up after about 2 s`));
    return box;
  }

  function redeliverButton(delivery, label) {
    const button = h('button', 'redeliver', label);
    button.type = 'button';
    button.addEventListener('click', () => act(async () => {
      upsertLine(await call('POST', citizenPath('/redeliver'), { webhookEventId: delivery.webhookEventId }));
    }));
    return button;
  }

  // ---- what the bot sent ----------------------------------------------------------------------------------------

  function renderBotLine(view) {
    const message = view.content || {};
    const column = h('div', 'bot-column');
    if (message.sender && message.sender.name) column.append(h('div', 'sender', message.sender.name));
    let rendered;
    try {
      rendered = renderMessage(message);
    } catch (error) {
      rendered = unsupported(message, `表示できません / Cannot render: ${error.message}`);
    }
    column.append(rendered, h('div', 'meta', `${view.via} · ${clock(view.at)}`));
    const avatar = message.sender && safeUrl(message.sender.iconUrl)
      ? image(message.sender.iconUrl, '', 'avatar')
      : h('div', 'avatar', 'Bot');
    return h('li', 'line bot', avatar, column);
  }

  function renderMessage(m) {
    switch (m.type) {
      case 'text': return h('div', 'bubble', ...withEmojis(m.text || '', m.emojis));
      case 'textV2': return h('div', 'bubble', ...withSubstitutions(m.text || '', m.substitution || {}));
      case 'sticker': return h('div', 'sticker', 'スタンプ / Sticker', h('small', null, ` ${m.packageId}/${m.stickerId}`));
      case 'image': return mediaLink(image(m.previewImageUrl || m.originalContentUrl, '画像 / Image'), m.originalContentUrl);
      case 'video': return h('div', 'media', image(m.previewImageUrl, '動画 / Video'), link(m.originalContentUrl, '▶ 動画を開く / Open video'));
      case 'audio': return h('div', 'bubble', `🔊 音声 / Audio ${Math.round((m.duration || 0) / 1000)} s `, link(m.originalContentUrl, '開く / Open'));
      case 'location': return locationCard(m, '');
      case 'imagemap': return imagemap(m);
      case 'template': return h('div', 'rich', template(m.template || {}), altText(m.altText));
      case 'flex': return h('div', 'rich', flex(m.contents || {}), altText(m.altText));
      default: return unsupported(m, `未対応の種類 / Unsupported type: ${m.type}`);
    }
  }

  function unsupported(m, summary) {
    return h('details', 'unsupported', h('summary', null, summary), h('pre', null, JSON.stringify(m, null, 2)));
  }

  function altText(value) {
    return value ? h('div', 'alt-text', `通知 / Notification: ${value}`) : null;
  }

  function mediaLink(node, href) {
    const url = safeUrl(href);
    if (!url) return node;
    const a = h('a', 'media', node);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  /** LINE emoji are `$` placeholders in the text; show each as a marked symbol. */
  function withEmojis(value, emojis) {
    const marks = (Array.isArray(emojis) ? emojis : []).filter((e) => Number.isInteger(e.index))
      .sort((a, b) => a.index - b.index);
    const parts = [];
    let at = 0;
    for (const e of marks) {
      if (e.index < at || e.index >= value.length) continue;
      parts.push(value.slice(at, e.index), lineEmoji(e));
      at = e.index + 1;
    }
    parts.push(value.slice(at));
    return parts;
  }

  function withSubstitutions(value, substitution) {
    const parts = [];
    let at = 0;
    for (const match of value.matchAll(/\{([A-Za-z0-9_]{1,20})\}/g)) {
      const sub = Object.hasOwn(substitution, match[1]) ? substitution[match[1]] : null;
      if (!sub) continue;
      parts.push(value.slice(at, match.index));
      if (sub.type === 'emoji') {
        parts.push(lineEmoji(sub));
      } else {
        const who = sub.mentionee && sub.mentionee.type === 'all' ? 'all'
          : sub.mentionee && sub.mentionee.userId === state.current ? (currentCitizen() || {}).displayName : 'user';
        parts.push(h('span', 'mention', `@${who}`));
      }
      at = match.index + match[0].length;
    }
    parts.push(value.slice(at));
    return parts;
  }

  function lineEmoji(e) {
    const mark = h('span', 'line-emoji', '☺');
    mark.title = `LINE 絵文字 / LINE emoji ${e.productId}/${e.emojiId}`;
    return mark;
  }

  function locationCard(m, extra) {
    const lat = Number(m.latitude);
    const lng = Number(m.longitude);
    return h('div', `card location ${extra}`,
      h('div', 'card-title', `📍 ${m.title || '位置情報 / Location'}`),
      m.address ? h('div', 'card-text', m.address) : null,
      h('div', 'coords', `${lat}, ${lng}`),
      link(`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`, '地図 / Map'));
  }

  function imagemap(m) {
    const base = m.baseSize || { width: 1040, height: 1040 };
    const frame = h('div', 'imagemap', image(typeof m.baseUrl === 'string' ? `${m.baseUrl}/1040` : null, m.altText));
    frame.style.aspectRatio = `${Number(base.width) || 1040} / ${Number(base.height) || 1040}`;
    for (const area of Array.isArray(m.actions) ? m.actions : []) {
      const a = area.area || {};
      const action = area.type === 'uri' ? { type: 'uri', uri: area.linkUri, label: area.label }
        : area.type === 'message' ? { type: 'message', text: area.text, label: area.label }
          : { ...area };
      const spot = actionButton(action, 'imagemap-area');
      spot.style.left = `${(100 * a.x) / base.width}%`;
      spot.style.top = `${(100 * a.y) / base.height}%`;
      spot.style.width = `${(100 * a.width) / base.width}%`;
      spot.style.height = `${(100 * a.height) / base.height}%`;
      frame.append(spot);
    }
    return h('div', 'rich', frame, altText(m.altText));
  }

  // ---- template messages ----------------------------------------------------------------------------------------

  function template(t) {
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

  // ---- Flex messages --------------------------------------------------------------------------------------------

  const TEXT_SIZE = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, '3xl': 35, '4xl': 48, '5xl': 74 };
  const SPACE = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
  const IMAGE_SIZE = { xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, '3xl': 180, '4xl': 200, '5xl': 240 };
  const BORDER = { none: 0, light: 0.5, normal: 1, medium: 2, 'semi-bold': 3, bold: 4 };
  const BUBBLE_WIDTH = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };
  const ALIGN = { start: 'flex-start', center: 'center', end: 'flex-end' };
  const JUSTIFY = ['flex-start', 'center', 'flex-end', 'space-between', 'space-around', 'space-evenly'];

  /** A keyword from the map, or a plain "12px" / "50%"; anything else is ignored. */
  function size(value, map) {
    if (typeof value !== 'string') return null;
    if (Object.hasOwn(map, value)) return `${map[value]}px`;
    return /^-?\d+(\.\d+)?(px|%)$/.test(value) ? value : null;
  }

  function setColor(node, property, value) {
    if (typeof value === 'string' && /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(value)) node.style[property] = value;
  }

  function setSize(node, property, value, map = {}) {
    const v = size(value, map);
    if (v !== null) node.style[property] = v;
  }

  function flex(contents) {
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

  // ---- actions: what a tap does ---------------------------------------------------------------------------------

  function actionButton(action, className) {
    const label = action.label || action.text || action.type || '?';
    const button = h('button', className, action.type === 'uri' ? `${label} ↗` : label);
    button.type = 'button';
    button.title = describe(action);
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      execute(action);
    });
    return button;
  }

  function tappable(node, action) {
    node.classList.add('tappable');
    node.tabIndex = 0;
    node.setAttribute('role', 'button');
    node.title = describe(action);
    node.addEventListener('click', () => execute(action));
    node.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') execute(action);
    });
  }

  function describe(action) {
    switch (action.type) {
      case 'postback': return `postback: ${action.data}`;
      case 'message': return `message: ${action.text}`;
      case 'uri': return action.uri || '';
      case 'datetimepicker': return `datetimepicker (${action.mode}): ${action.data}`;
      default: return action.type || '';
    }
  }

  function execute(action) {
    if (!state.current || !action) return;
    switch (action.type) {
      case 'message':
        send({ type: 'text', text: action.text });
        break;
      case 'postback':
        postback({ data: action.data, displayText: action.displayText || action.text || null });
        break;
      case 'datetimepicker':
        pick(action);
        break;
      case 'richmenuswitch':
        postback({ data: action.data, params: { newRichMenuAliasId: action.richMenuAliasId, status: 'SUCCESS' } });
        break;
      case 'uri': {
        const url = safeUrl(action.uri, ['https:', 'http:', 'tel:', 'mailto:', 'line:']);
        if (url) window.open(url, '_blank', 'noopener,noreferrer');
        else showError(`開けないリンク / Cannot open link: ${action.uri}`);
        break;
      }
      case 'location':
        sendLocation();
        break;
      case 'clipboard':
        act(() => navigator.clipboard.writeText(action.clipboardText || ''));
        break;
      default:
        showError(`エミュレーターでは未対応 / Not emulated: ${action.type}`);
    }
  }

  async function send(message) {
    if (!currentCitizen() || currentCitizen().blocked) {
      showError('ブロック中は送れません / A citizen who blocked the account cannot send');
      return false;
    }
    const line = await act(() => call('POST', citizenPath('/messages'), message));
    if (line) upsertLine(line);
    return Boolean(line);
  }

  async function postback(body) {
    const line = await act(() => call('POST', citizenPath('/postback'), body));
    if (line) upsertLine(line);
  }

  function sendLocation() {
    send({ type: 'location', title: '市役所 / City Hall', address: '東京都新宿区西新宿2-8-1', latitude: 35.6895, longitude: 139.6917 });
  }

  function pick(action) {
    const mode = ['date', 'time', 'datetime'].includes(action.mode) ? action.mode : 'datetime';
    state.picking = { action, mode };
    ui.pickerInput.type = mode === 'datetime' ? 'datetime-local' : mode;
    ui.pickerInput.value = action.initial || '';
    ui.pickerInput.min = action.min || '';
    ui.pickerInput.max = action.max || '';
    ui.pickerLabel.textContent = `${action.label || '日時を選択'} / Pick a ${mode}`;
    ui.picker.showModal();
  }

  function renderQuickReplies() {
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

  // ---- wiring ---------------------------------------------------------------------------------------------------

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

  ui.composer.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = text.value;
    if (!value.trim()) return;
    if (await send({ type: 'text', text: value })) text.value = '';
    text.focus();
  });

  text.addEventListener('keydown', (e) => {
    // While a Japanese IME is composing, Enter confirms the conversion; it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      ui.composer.requestSubmit();
    }
  });

  ui.sticker.addEventListener('click', () => send({ type: 'sticker', packageId: '446', stickerId: '1988' }));
  ui.location.addEventListener('click', sendLocation);

  ui.pickerCancel.addEventListener('click', () => ui.picker.close());
  ui.pickerForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const picking = state.picking;
    const value = ui.pickerInput.value;
    if (!picking || !value) return;
    ui.picker.close();
    postback({ data: picking.action.data, params: { [picking.mode]: value } });
  });

  act(async () => {
    const config = await call('GET', '/config');
    ui.botUrl.textContent = config.botWebhookUrl || '?';
    text.maxLength = config.maxTextLength;
    await loadCitizens();
  });
})();
