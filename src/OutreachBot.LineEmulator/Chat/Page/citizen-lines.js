// What the citizen did, as the transcript shows it, with how its webhook fared at the bot.

import { call, citizenPath } from './api.js';
import { clock, h } from './dom.js';
import { locationCard } from './messages.js';
import { act } from './page.js';
import { upsertLine } from './transcript.js';

export function renderCitizenLine(view) {
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
