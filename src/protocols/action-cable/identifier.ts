import { isRecord, readJson, str } from '../shared/json';
import { oneLine } from '../shared/text';

/** The channel named in an identifier, itself a JSON string: '{"channel":"ChatChannel",...}'. */
export function channelOf(identifier: string | undefined): string | undefined {
  if (identifier === undefined) return undefined;
  const json = readJson(identifier, false);
  const channel = isRecord(json.value) ? str(json.value, 'channel') : undefined;
  return channel === undefined ? undefined : oneLine(channel, 100);
}

/** The action of a "message" command's data, also a JSON string: '{"action":"speak",...}'. */
export function actionOf(data: string | undefined): string | undefined {
  if (data === undefined) return undefined;
  const json = readJson(data, false);
  const action = isRecord(json.value) ? str(json.value, 'action') : undefined;
  return action === undefined ? undefined : oneLine(action, 100);
}
