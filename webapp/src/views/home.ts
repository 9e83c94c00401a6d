// The games on offer, each with its next draw and a live countdown to the cut-off, and the
// latest results.
import { api } from '../api.js';
import { h, render } from '../dom.js';
import { isLotto } from '../lib/games.js';
import { describeCountdown } from '../lib/time.js';
import { catalogue, nextDraw, type Draw } from '../state.js';
import { every } from '../timers.js';

export async function homeView(main: HTMLElement) {
  const games = await catalogue();
  const cards = await Promise.all(games.map(async (game) => {
    let next = await nextDraw(game.id, 0);
    const latest = await api<{ items: Draw[] }>('GET', `/v1/draws?game=${encodeURIComponent(game.id)}&limit=8`, { auth: false });
    const drawn = latest.items.find((d) => d.numbers?.length);
    const countdown = h('p', { class: 'countdown' });
    const tick = () => {
      countdown.textContent = next ? describeCountdown(Date.parse(next.cutOff) - Date.now(), 'Sales close') : 'No draw on sale right now';
      if (next && Date.parse(next.cutOff) < Date.now()) nextDraw(game.id, 0).then((d) => { next = d; });
    };
    tick();
    every(1000, tick);
    return h('li', { class: 'card game' },
      h('h2', {}, game.name),
      h('p', {}, isLotto(game) ? `Pick ${game.pick} of ${game.of}` : '4D, 3D, 2D, colok, shio and 50-50 bets'),
      countdown,
      drawn ? h('p', {}, 'Last result: ', h('a', { href: `/draws/${encodeURIComponent(drawn.drawId)}` }, drawn.numbers!.join(' '))) : null,
      h('a', { class: 'button primary', href: `/play/${encodeURIComponent(game.id)}` }, `Play ${game.name}`));
  }));
  render(main, h('h1', {}, 'Games'), h('ul', { class: 'games' }, cards),
    h('p', { class: 'small' }, 'Play for fun, never to make money. Set limits in ', h('a', { href: '/account' }, 'your account'), '; help is available at any time.'));
}
