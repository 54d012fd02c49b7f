/**
 * `aftercare serve` sets the old generation's growth rate (docs/performance.md, "App memory under load")
 * unless node was started with its own.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { limitHeapGrowth } from '../../../src/platform/heap-growth.ts';

describe('limitHeapGrowth', () => {
  it("leaves an operator's own --heap-growing-percent alone, in either spelling", () => {
    for (const argv of [['--heap-growing-percent=0'], ['--max-semi-space-size=8', '--heap_growing_percent=300'], ['--heap-growing-percent', '50']]) {
      assert.equal(limitHeapGrowth(argv), false, argv.join(' '));
    }
  });
  it('sets it otherwise (other flags do not count)', () => {
    assert.equal(limitHeapGrowth(['--max-semi-space-size=8', '--heap-prof']), true);
  });
});
