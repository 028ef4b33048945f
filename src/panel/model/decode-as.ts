import { endpointOf } from '../../log/reconnects';
import { isProtocolId, protocolById } from '../../protocols';
import type { Detection, ProtocolId } from '../../protocols';

/** "Decode as": a protocol, or 'none' to show an endpoint's messages undecoded. */
export type DecodeAs = ProtocolId | 'none';

/** The user's "decode as" choices by endpoint (origin and path, as connection histories group). */
export type DecodeAsChoices = Readonly<Record<string, DecodeAs>>;

/** Choices kept; the oldest go first. */
const MAX_CHOICES = 500;
const MAX_ENDPOINT_CHARS = 2048;

/** The user's choice for the endpoint of `url`, if any. */
export function choiceFor(url: string, choices: DecodeAsChoices): DecodeAs | null {
  const endpoint = endpointOf(url);
  // Own keys only: an imported socket's "URL" can be any text, "constructor" included.
  return Object.hasOwn(choices, endpoint) ? (choices[endpoint] ?? null) : null;
}

/** The socket's protocol: the user's choice for its endpoint, else what its own evidence shows. */
export function chosenProtocol(
  url: string,
  choices: DecodeAsChoices,
  detected: Detection | null,
): Detection | null {
  const choice = choiceFor(url, choices);
  if (choice === null) return detected;
  const protocol = choice === 'none' ? undefined : protocolById(choice);
  return protocol === undefined
    ? null
    : { protocol, detectedBy: 'user', evidence: 'chosen by you (decode as)' };
}

/** The choices with the endpoint of `url` decoded as `choice` (null: detected again). */
export function withChoice(choices: DecodeAsChoices, url: string, choice: DecodeAs | null): DecodeAsChoices {
  const endpoint = endpointOf(url);
  const { [endpoint]: _previous, ...rest } = choices;
  if (choice === null) return rest;
  return limited({ ...rest, [endpoint]: choice });
}

/** Saved choices as far as they are valid: unknown protocols and oversized endpoints are left out. */
export function validChoices(v: unknown): DecodeAsChoices {
  if (typeof v !== 'object' || v === null) return {};
  const valid = Object.entries(v).filter(
    (e): e is [string, DecodeAs] =>
      e[0].length <= MAX_ENDPOINT_CHARS &&
      typeof e[1] === 'string' &&
      (e[1] === 'none' || isProtocolId(e[1])),
  );
  return limited(Object.fromEntries(valid));
}

function limited(choices: Record<string, DecodeAs>): DecodeAsChoices {
  const entries = Object.entries(choices);
  return entries.length <= MAX_CHOICES ? choices : Object.fromEntries(entries.slice(-MAX_CHOICES));
}
