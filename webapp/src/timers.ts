// Timers belong to the view that started them; the router stops them when the route changes.
let timers: number[] = [];

export function every(ms: number, fn: () => unknown) {
  timers.push(window.setInterval(() => { void fn(); }, ms));
}

export function stopTimers() {
  timers.forEach(clearInterval);
  timers = [];
}
