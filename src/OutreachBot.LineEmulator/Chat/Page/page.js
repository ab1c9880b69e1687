// The page's elements and what it remembers between events, shared by every module.

const $ = (id) => document.getElementById(id);
const composer = $('composer');

export const ui = {
  botUrl: $('bot-url'), list: $('citizen-list'), noCitizens: $('no-citizens'), newCitizen: $('new-citizen'),
  refresh: $('refresh-citizens'), title: $('chat-title'), status: $('chat-status'), follow: $('follow'),
  unfollow: $('unfollow'), error: $('error'), transcript: $('transcript'), quick: $('quick-replies'),
  composer, text: composer.elements.namedItem('text'), sticker: $('send-sticker'), location: $('send-location'),
  picker: $('picker'), pickerForm: $('picker-form'), pickerLabel: $('picker-label'), pickerInput: $('picker-input'),
  pickerCancel: $('picker-cancel'),
};

export const state = { citizens: [], current: null, lines: new Map(), source: null, picking: null };

export const currentCitizen = () => state.citizens.find((c) => c.userId === state.current) || null;

export function showError(message) {
  ui.error.textContent = message || '';
  ui.error.hidden = !message;
}

export async function act(action) {
  showError('');
  try {
    return await action();
  } catch (error) {
    showError(`エラー / Error: ${error.message}`);
    return null;
  }
}
