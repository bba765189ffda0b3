// Drawing a view while its answers arrive: partial drawings, throttled.

// Partial drawings of a view still arriving, at most one per this many milliseconds (each walks the whole view).
const PARTIAL_EVERY_MS = 250;

/**
 * A function of the count of answers come so far that calls drawn(count) at most every PARTIAL_EVERY_MS, while current()
 * holds and until stop(): a view of hundreds of expanded nodes shows what has come while the rest arrives, instead of
 * nothing until the last answer.
 */
export function progressively(current, drawn) {
  let timer = null;
  let latest = 0;
  const soFar = (done) => {
    latest = done;
    timer ??= setTimeout(() => {
      timer = null;
      if (current()) drawn(latest);
    }, PARTIAL_EVERY_MS);
  };
  soFar.stop = () => clearTimeout(timer);
  return soFar;
}
