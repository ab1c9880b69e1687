// The date and time picker a datetimepicker action opens; its answer goes back as a postback.

import { postback } from './composer.js';
import { state, ui } from './page.js';

export function pick(action) {
  const mode = ['date', 'time', 'datetime'].includes(action.mode) ? action.mode : 'datetime';
  state.picking = { action, mode };
  ui.pickerInput.type = mode === 'datetime' ? 'datetime-local' : mode;
  ui.pickerInput.value = action.initial || '';
  ui.pickerInput.min = action.min || '';
  ui.pickerInput.max = action.max || '';
  ui.pickerLabel.textContent = `${action.label || '日時を選択'} / Pick a ${mode}`;
  ui.picker.showModal();
}

export function wirePicker() {
  ui.pickerCancel.addEventListener('click', () => ui.picker.close());
  ui.pickerForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const picking = state.picking;
    const value = ui.pickerInput.value;
    if (!picking || !value) return;
    ui.picker.close();
    postback({ data: picking.action.data, params: { [picking.mode]: value } });
  });
}
