// The emulator's chat page, loaded as native ES modules with no build step: this one wires the page and loads it.
// What the page shows is untrusted and never goes in as markup (see dom.js).

import { call } from './api.js';
import { loadCitizens, wireCitizens } from './citizens.js';
import { wireComposer } from './composer.js';
import { loadMails, wireMails } from './mails.js';
import { act, ui } from './page.js';
import { wirePicker } from './picker.js';

wireCitizens();
wireComposer();
wirePicker();
wireMails();

act(async () => {
  const config = await call('GET', '/config');
  ui.botUrl.textContent = config.botWebhookUrl || '?';
  ui.text.maxLength = config.maxTextLength;
  await loadCitizens();
  await loadMails();
});
