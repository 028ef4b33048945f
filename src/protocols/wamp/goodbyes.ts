import { oneLine } from '../shared/text';
import type { AppGoodbye } from '../types';

const URIS: Readonly<Record<string, string>> = {
  'wamp.close.system_shutdown': 'the router is shutting down',
  'wamp.close.close_realm': 'the realm is being closed',
  'wamp.close.goodbye_and_out': 'the reply that acknowledges a GOODBYE',
  'wamp.error.goodbye_and_out': "autobahn-js's reply to a GOODBYE (the spec says wamp.close.goodbye_and_out)",
  'wamp.close.normal': "a normal leave (autobahn-js's default; not one of the spec's URIs)",
  'wamp.close.killed': 'the router killed the session',
  'wamp.error.protocol_violation': 'a peer broke the protocol; the transport should be dropped too',
  'wamp.error.no_such_realm': 'the realm does not exist',
  'wamp.error.not_authorized': 'the session is not authorized',
  'wamp.error.authorization_failed': 'authorization failed',
  'wamp.error.no_such_role': 'the requested role does not exist',
  'wamp.error.no_matching_auth_method': 'no offered authentication method is accepted',
  'wamp.error.no_such_principal': 'the authentication id is unknown',
  'wamp.error.authentication_denied': 'authentication was denied',
  'wamp.error.authentication_failed': 'authentication failed',
  'wamp.error.authentication_required': 'authentication is required',
};

/** ABORT ends the opening (or a session broken by a violation); GOODBYE closes a session. */
export function wampGoodbye(
  type: 'ABORT' | 'GOODBYE',
  dir: 'sent' | 'received',
  uri: string | undefined,
  message: string | undefined,
): AppGoodbye {
  const meaning = uri !== undefined && Object.hasOwn(URIS, uri) ? URIS[uri] : undefined;
  const who = dir === 'sent' ? 'The client' : 'The router';
  const what =
    type === 'ABORT'
      ? 'aborted the session (ABORT, never answered)'
      : 'closed the session (GOODBYE, answered by a GOODBYE)';
  const g: AppGoodbye = {
    protocol: 'wamp',
    name: type,
    explanation: `${who} ${what}${meaning === undefined ? '' : `: ${meaning}`}.`,
    reconnect: null,
  };
  if (uri !== undefined) g.code = oneLine(uri, 100);
  if (message !== undefined) g.reason = oneLine(message);
  return g;
}
