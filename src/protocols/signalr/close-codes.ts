import type { ProtocolCloseCode } from '../types';

export function closeCode(code: number): ProtocolCloseCode | null {
  if (code !== 1011) return null;
  return {
    code,
    name: 'Internal Error (SignalR transport)',
    meaning:
      'the ASP.NET Core WebSocket transport closes with 1011 when sending to the client failed with an exception',
    sentBy: 'ASP.NET Core SignalR server',
  };
}
