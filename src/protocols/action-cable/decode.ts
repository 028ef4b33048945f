import { field, str } from '../shared/json';
import type { JsonValue } from '../shared/lenient-json';
import { decodeJsonObject } from '../shared/json-message';
import { oneLine } from '../shared/text';
import type { Decoded, MessagePreview } from '../types';
import { disconnectGoodbye } from './goodbyes';
import { actionOf, channelOf } from './identifier';

type JsonObject = { [key: string]: JsonValue };

export function decode(m: MessagePreview & { preview: string }): Decoded {
  return decodeJsonObject(m, 'Action Cable', (o) => (m.dir === 'sent' ? command(o) : received(o)));
}

/** Client commands: subscribe, unsubscribe, message (with "data", a JSON string holding the action). */
function command(o: JsonObject): Decoded {
  const name = str(o, 'command');
  const channel = channelOf(str(o, 'identifier'));
  const on = channel === undefined ? '' : ` ${channel}`;
  if (name === 'message') {
    const action = actionOf(str(o, 'data'));
    const d: Decoded = {
      type: 'message',
      summary: `message${on}${action === undefined ? '' : ` ${action}`}`,
    };
    if (action !== undefined) d.event = action;
    return d;
  }
  const d: Decoded = {
    type: name === undefined ? 'command' : oneLine(name, 40),
    summary: `${name === undefined ? 'command' : oneLine(name, 40)}${on}`,
  };
  if (channel !== undefined) d.event = channel;
  if (name !== 'subscribe' && name !== 'unsubscribe') d.error = 'not an Action Cable command';
  return d;
}

function received(o: JsonObject): Decoded {
  const type = str(o, 'type');
  const channel = channelOf(str(o, 'identifier'));
  const on = channel === undefined ? '' : ` ${channel}`;
  switch (type) {
    case 'ping':
      return { type, summary: 'ping', heartbeat: 'ping' };
    case 'welcome':
      return { type, summary: 'welcome' };
    case 'confirm_subscription':
    case 'reject_subscription': {
      const d: Decoded = { type, summary: `${type}${on}` };
      if (channel !== undefined) d.event = channel;
      return d;
    }
    case 'disconnect': {
      const reason = str(o, 'reason');
      const reconnect = field(o, 'reconnect');
      const flag = typeof reconnect === 'boolean' ? reconnect : undefined;
      return {
        type,
        summary: `disconnect${reason === undefined ? '' : ` ${oneLine(reason, 60)}`}${flag === undefined ? '' : ` reconnect ${flag}`}`,
        goodbye: disconnectGoodbye(reason, flag),
      };
    }
    case undefined: {
      // A broadcast to a subscription: {"identifier": ..., "message": ...}.
      const d: Decoded = { type: 'broadcast', summary: `broadcast${on}` };
      if (channel !== undefined) d.event = channel;
      return d;
    }
    default:
      return {
        type: oneLine(type, 40),
        summary: oneLine(type, 60),
        error: 'not an Action Cable message type',
      };
  }
}
