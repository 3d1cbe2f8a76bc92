/**
 * The command line's clock set to a day (`new Date()` in its commands), as a user runs it on that day: only `Date`
 * is faked, so that timers, promises and file I/O run as usual. `restoreClock` after.
 */
export function clockAt(day: Date): void {
  jest.useFakeTimers({
    now: day,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

export function restoreClock(): void {
  jest.useRealTimers();
}
