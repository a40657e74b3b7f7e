// Injected failures for the next N refresh PUTs (500 envelope, connection reset, or delay).
import type { DfFault } from './types.ts';

export class FaultQueue {
  private fault: DfFault | null = null;
  private remaining = 0;

  set(fault: DfFault | null): void {
    this.fault = fault;
    this.remaining = fault === null ? 0 : (fault.count ?? 1);
  }

  /** The fault to apply to this refresh, consuming one use. */
  take(): DfFault | null {
    if (this.fault === null || this.remaining <= 0) return null;
    this.remaining -= 1;
    const fault = this.fault;
    if (this.remaining === 0) this.fault = null;
    return fault;
  }
}
