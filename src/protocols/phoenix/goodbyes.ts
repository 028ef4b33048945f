import { oneLine } from '../shared/text';
import type { AppGoodbye } from '../types';

export function channelErrorGoodbye(topic: string): AppGoodbye {
  return {
    protocol: 'phoenix',
    name: 'phx_error',
    reason: oneLine(topic),
    explanation: `The server reported that channel ${oneLine(topic, 80)} crashed (phx_error); phoenix.js rejoins it after 1, 2, 5, then every 10 s.`,
    reconnect: true,
  };
}

export function channelCloseGoodbye(topic: string): AppGoodbye {
  return {
    protocol: 'phoenix',
    name: 'phx_close',
    reason: oneLine(topic),
    explanation: `The server closed channel ${oneLine(topic, 80)} gracefully (phx_close); phoenix.js does not rejoin it.`,
    reconnect: false,
  };
}

export function joinRefusedGoodbye(topic: string, reason: string | undefined): AppGoodbye {
  const g: AppGoodbye = {
    protocol: 'phoenix',
    name: 'join refused',
    code: 'error',
    explanation: `The server refused to join channel ${oneLine(topic, 80)}${reason === 'unmatched topic' ? ': no channel is defined for this topic' : ''}; phoenix.js retries the join with its rejoin backoff.`,
    reconnect: true,
  };
  if (reason !== undefined) g.reason = oneLine(reason);
  return g;
}
