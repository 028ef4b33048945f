import type { CdpTarget } from '../../test/support/cdp-target';

/**
 * A target's memory after two full garbage collections, in MB (10^6 bytes): the JS heap, plus
 * the ArrayBuffer backing stores when asked (binary payloads live there, outside the heap).
 */
export async function memoryMB(cdp: CdpTarget, withArrayBuffers = false): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send<{ usedSize: number; backingStorageSize?: number }>('Runtime.getHeapUsage');
  return (usage.usedSize + (withArrayBuffers ? (usage.backingStorageSize ?? 0) : 0)) / 1e6;
}
