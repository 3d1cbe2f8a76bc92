// Preloaded (`node --require`) by tests that run the command line at a fixed instant: `new Date()` and `Date.now()`
// give CTG_TEST_NOW (an ISO instant), read at each call so that a process can move it between steps
// (tests/cli/today-in-local-time.test.ts); a date built from a value is untouched. The time zone is the process's TZ.
const instant = () => {
  const fixed = Date.parse(process.env.CTG_TEST_NOW);
  if (Number.isNaN(fixed)) throw new Error('CTG_TEST_NOW is not an ISO instant');
  return fixed;
};
instant(); // refused at once when not set
const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(instant());
    else super(...args);
  }
  static now() {
    return instant();
  }
}
globalThis.Date = FixedDate;
