import type { ProtocolCloseCode } from '../types';

/** What sockjs-node's own WebSocket close codes mean (the SockJS codes travel in "c" frames). */
export function closeCode(code: number): ProtocolCloseCode | null {
  if (code === 1000) {
    return {
      code,
      name: 'Normal closure (SockJS)',
      meaning:
        'sockjs-node closes the WebSocket with 1000 "Normal closure" after its close frame, whatever SockJS code that frame held',
      sentBy: 'SockJS server',
      afterGoodbye: true,
    };
  }
  if (code === 3000) {
    return {
      code,
      name: 'Broken framing (SockJS)',
      meaning:
        'sockjs-node closes the WebSocket itself with 3000 "Broken framing." when the client sent text that is not JSON, without a close frame in the stream',
      sentBy: 'SockJS server',
    };
  }
  return null;
}
