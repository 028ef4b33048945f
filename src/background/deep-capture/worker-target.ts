import type { WorkerKind } from '../../protocol/deep-capture';

/** `Target.TargetInfo.type` of a worker, as auto-attach and `Target.getTargetInfo` name it. */
export function workerKindOf(type: unknown): WorkerKind | null {
  switch (type) {
    case 'worker':
      return 'dedicated';
    case 'shared_worker':
      return 'shared';
    case 'service_worker':
      return 'service';
    default:
      return null;
  }
}

/** The origin of a URL, or null for one without (about:blank, data:, garbage). */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Why Chrome detached the debugger from a tab, in the panel's words. */
export function detachReasonText(reason: string): string {
  switch (reason) {
    case 'canceled_by_user':
      return 'Deep capture went off: Cancel was clicked on Chrome’s “started debugging this browser” bar.';
    case 'target_closed':
      return 'Deep capture went off: the tab went away.';
    default:
      return `Deep capture went off: Chrome detached the debugger (${reason}).`;
  }
}
