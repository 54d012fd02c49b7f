/**
 * How far a server's old generation may grow between major GCs. After each mark-compact V8 sets the next
 * limit at the live heap times a factor it picks from the GC's speed, up to 4 on a host with much memory.
 * What a request holds while its rows arrive is promoted (~10 MB in flight for the alerts API), so the old
 * generation filled to 4x and its pages stayed resident: 361 MB under the alerts API at 250,000 people, 252–307
 * MB with a factor of 2, 231–261 MB with 1.5 (docs/performance.md, "App memory under load"). The cost is more
 * frequent major GCs: ~10–20% more CPU a whole-register alerts document at 1.5 than at 2, while the person
 * page ran no slower (311–320 against 292–301 req/s, interleaved). It is a growth rate, not a cap: a large
 * request still gets the heap it needs. `node --heap-growing-percent=N` (0: V8's own factor) overrides it;
 * V8 does not accept the flag in NODE_OPTIONS, and it is read at every GC, so setting it here at start-up works.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Sets the growth rate unless node was started with its own; true when it set it. */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
