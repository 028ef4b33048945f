export { analyzeSocket } from './analyze-socket';
export type { SocketAnalysis } from './analyze-socket';
export { explainAppClose, protocolCloseCode } from './app-close';
export type { AppCloseInput } from './app-close';
export { decodeMessages } from './decode-socket';
export { CONTENT_WINDOW, detectProtocol } from './detect';
export { PROTOCOLS, isProtocolId, protocolById } from './registry';
export type {
  AppCloseFacts,
  AppCloseInfo,
  AppGoodbye,
  Decoded,
  DecodedMessage,
  Detection,
  DetectedBy,
  Heartbeat,
  HeartbeatPolicy,
  HeartbeatVerdict,
  MessagePreview,
  Protocol,
  ProtocolCloseCode,
  ProtocolId,
  ProtocolSession,
  SeenGoodbye,
  SocketFacts,
  TreeValue,
} from './types';
