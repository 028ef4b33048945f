import { computed } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import { Decodings } from '../../log/app-protocols/decodings';
import { ProtocolDetector } from '../../log/app-protocols/detector';
import type { AppAwareExplanation } from '../../log/app-protocols/app-explanation';
import { explainDecoded, explainRow } from '../../log/app-protocols/socket-explanations';
import type { SocketDecoding } from '../../log/app-protocols/socket-decoding';
import type { LogState } from '../../log/log-state';
import type { SocketRecord } from '../../log/socket-record';
import type { Detection } from '../../protocols';
import { chosenProtocol } from './decode-as';
import type { Preferences } from './preferences';

/** Each socket's application protocol: the user's choice for its endpoint, else detected. */
export interface Detections {
  of(s: SocketRecord): Detection | null;
}

/** The selected socket's messages, decoded as far as its previews go. */
export interface SelectedDecoding {
  socket: SocketRecord;
  detection: Detection;
  decoding: SocketDecoding;
}

/**
 * The application-protocol side of the panel, derived from the log: detection follows every new
 * log version incrementally (a look at the sockets it changed); decoding runs for the selected
 * socket only, on its new messages only; the table's explanations use the protocol's close codes
 * without decoding anything.
 */
export class ProtocolViews {
  readonly detections: ReadonlySignal<Detections>;
  readonly selectedDecoding: ReadonlySignal<SelectedDecoding | null>;
  /** The selected socket's close explained with what its application layer said. */
  readonly selectedExplanation: ReadonlySignal<AppAwareExplanation | null>;
  private readonly detector = new ProtocolDetector();
  private readonly decodings = new Decodings();

  constructor(
    log: ReadonlySignal<LogState>,
    prefs: ReadonlySignal<Preferences>,
    selected: ReadonlySignal<SocketRecord | null>,
  ) {
    this.detections = computed(() => {
      this.detector.update(log.value);
      const choices = prefs.value.decodeAs;
      return { of: (s) => chosenProtocol(s.url, choices, this.detector.detected(s)) };
    });
    let last: SelectedDecoding | null = null;
    this.selectedDecoding = computed(() => {
      const socket = selected.value;
      const detection = socket && this.detections.value.of(socket);
      if (!socket || !detection) return (last = null);
      // Other sockets streaming make new detections, not a new decoding of this one: the same
      // value keeps its explanation from being made again on every frame.
      if (last?.socket === socket && sameDetection(last.detection, detection)) return last;
      return (last = { socket, detection, decoding: this.decodings.decode(socket, detection.protocol) });
    });
    this.selectedExplanation = computed(() => {
      const socket = selected.value;
      if (!socket?.close) return null;
      const decoded = this.selectedDecoding.value;
      return decoded ? explainDecoded(socket, decoded.decoding) : explainRow(socket, null);
    });
  }

  /** A table row's explanation, with its protocol's own close codes. */
  explainRow(s: SocketRecord): AppAwareExplanation | null {
    return explainRow(s, this.detections.value.of(s)?.protocol ?? null);
  }
}

function sameDetection(a: Detection, b: Detection): boolean {
  return a.protocol === b.protocol && a.detectedBy === b.detectedBy && a.evidence === b.evidence;
}
