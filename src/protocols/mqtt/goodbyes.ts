import { oneLine } from '../shared/text';
import type { AppGoodbye } from '../types';
import { disconnectMeaning, disconnectName, hex2, reasonName, returnCodeName } from './reason-codes';

function sender(dir: 'sent' | 'received'): string {
  return dir === 'sent' ? 'The client' : 'The broker';
}

export function disconnectGoodbye(
  dir: 'sent' | 'received',
  code: number | null,
  reasonString: string | undefined,
): AppGoodbye {
  if (code === null) {
    return {
      protocol: 'mqtt',
      name: 'DISCONNECT',
      explanation: `${sender(dir)} disconnected cleanly (MQTT 3.1.1 DISCONNECT: the broker discards the Will Message).`,
      reconnect: null,
    };
  }
  const name = disconnectName(code);
  const meaning = disconnectMeaning(code);
  const g: AppGoodbye = {
    protocol: 'mqtt',
    code,
    name,
    explanation: `${sender(dir)} disconnected with reason code 0x${hex2(code)} ${name}${meaning === undefined ? '' : `: ${meaning}`}. Its sender closes the connection after a DISCONNECT.`,
    reconnect: null,
  };
  if (reasonString !== undefined) g.reason = oneLine(reasonString);
  return g;
}

/** A CONNACK that refuses the connection: the broker closes it right after. */
export function refusedGoodbye(level: number, code: number, reasonString: string | undefined): AppGoodbye {
  const name = level === 5 ? reasonName(code) : returnCodeName(code);
  const g: AppGoodbye = {
    protocol: 'mqtt',
    code,
    name,
    explanation: `The broker refused the connection in its CONNACK (${level === 5 ? `reason code 0x${hex2(code)}` : `return code ${code}`}: ${name}) and closes the connection after it; mqtt.js reports "Connection refused".`,
    reconnect: null,
  };
  if (reasonString !== undefined) g.reason = oneLine(reasonString);
  return g;
}
