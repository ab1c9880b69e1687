// What a tap on a button, a card or a quick reply does, as in LINE. Rendering modules import this one and it
// imports the senders, which import the transcript and its renderers back: only functions cross that cycle, and
// they are called after every module has loaded.

import { postback, send, sendLocation } from './composer.js';
import { h, safeUrl } from './dom.js';
import { reportOpened } from './insight.js';
import { act, showError, state } from './page.js';
import { pick } from './picker.js';

export function actionButton(action, className) {
  const label = action.label || action.text || action.type || '?';
  const button = h('button', className, action.type === 'uri' ? `${label} ↗` : label);
  button.type = 'button';
  button.title = describe(action);
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    execute(action, button);
  });
  return button;
}

export function tappable(node, action) {
  node.classList.add('tappable');
  node.tabIndex = 0;
  node.setAttribute('role', 'button');
  node.title = describe(action);
  node.addEventListener('click', () => execute(action, node));
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') execute(action, node);
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

function execute(action, origin) {
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
      if (url) {
        reportOpened(origin, action.uri);
        window.open(url, '_blank', 'noopener,noreferrer');
      }
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
