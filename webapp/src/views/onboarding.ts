// Registration and the identity check, shown in place of a view that needs a verified player.
import { api, explain } from '../api.js';
import { h, field, notice, render } from '../dom.js';
import { me, type Player } from '../state.js';

/** The verified player, or null after rendering the step still missing into `main`. */
export async function requireVerifiedPlayer(main: HTMLElement, onDone: () => void): Promise<Player | null> {
  const player = await me();
  if (!player) {
    renderRegistration(main, onDone);
    return null;
  }
  if (player.identityCheck !== 'APPROVED') {
    renderVerification(main, player, onDone);
    return null;
  }
  return player;
}

function renderRegistration(main: HTMLElement, onDone: () => void) {
  const name = h('input', { name: 'displayName', required: true, maxlength: 40, autocomplete: 'nickname' });
  const dob = h('input', { name: 'dateOfBirth', type: 'date', required: true, autocomplete: 'bday' });
  const country = h('select', { name: 'country' }, h('option', { value: 'ID' }, 'Indonesia'));
  const subdivision = h('select', { name: 'subdivision' }, h('option', { value: 'ID-JK' }, 'Jakarta'));
  const email = h('input', { type: 'checkbox', name: 'marketingEmail' });
  const sms = h('input', { type: 'checkbox', name: 'marketingSms' });
  const status = h('div');
  const form = h('form', { class: 'card', 'aria-labelledby': 'reg-title' },
    h('h2', { id: 'reg-title' }, 'Create your player account'),
    h('p', {}, 'Play is open only to adults where lotteries are allowed. We check your age and identity before you can deposit or play.'),
    field('Display name', name),
    field('Date of birth', dob),
    field('Country', country),
    field('Region', subdivision),
    h('fieldset', {}, h('legend', {}, 'Marketing (optional)'),
      h('label', { class: 'check' }, email, ' Email me offers'),
      h('label', { class: 'check' }, sms, ' Text me offers')),
    h('button', { type: 'submit', class: 'primary' }, 'Register'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/v1/players', {
        body: { displayName: name.value, dateOfBirth: dob.value, country: country.value, subdivision: subdivision.value,
          contactPreferences: { marketingEmail: email.checked, marketingSms: sms.checked } },
      });
      onDone();
    } catch (e) {
      render(status, notice(explain(e), 'error'));
    }
  });
  render(main, form);
  name.focus();
}

function renderVerification(main: HTMLElement, player: Player, onDone: () => void) {
  if (player.identityCheck === 'REFERRED') {
    render(main, h('section', { class: 'card' }, h('h2', {}, 'Your identity check is being reviewed'),
      h('p', {}, 'An operator will look at it soon. You can come back later.')));
    return;
  }
  const type = h('select', { name: 'documentType' },
    h('option', { value: 'PASSPORT' }, 'Passport'), h('option', { value: 'NATIONAL_ID' }, 'National ID'),
    h('option', { value: 'DRIVING_LICENCE' }, 'Driving licence'));
  const number = h('input', { name: 'documentNumber', required: true, maxlength: 64 });
  const fullName = h('input', { name: 'fullName', required: true, maxlength: 200, autocomplete: 'name' });
  // The date as the document shows it; the provider checks it against the document and the date you registered.
  const born = h('input', { name: 'dateOfBirth', type: 'date', required: true, value: player.dateOfBirth ?? '' });
  const status = h('div');
  const form = h('form', { class: 'card', 'aria-labelledby': 'kyc-title' },
    h('h2', { id: 'kyc-title' }, 'Confirm your identity'),
    h('p', {}, `Welcome, ${player.displayName}. One more step: the document you identify yourself with.`),
    field('Document', type), field('Document number', number), field('Full name as on the document', fullName),
    field('Date of birth as on the document', born),
    h('button', { type: 'submit', class: 'primary' }, 'Check my identity'),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/v1/players/me/verification', {
        body: { documentType: type.value, documentNumber: number.value, fullName: fullName.value, dateOfBirth: born.value },
      });
      onDone();
    } catch (e) {
      render(status, notice(explain(e), 'error'));
    }
  });
  render(main, form);
  number.focus();
}
