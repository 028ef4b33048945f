import { registeredText } from './registered-codes';
import type { CloseCodeInfo } from './types';

/** What is specific to one close: its headline and the paragraphs that come before the generic ones. */
export interface CloseContext {
  headline: string;
  context: string[];
}

/** "1008 Policy Violation", or just "4401": a range label such as "Private use" is no name. */
export function codeLabel(info: CloseCodeInfo): string {
  return registeredText(info.code) ? `${info.code} ${info.name}` : String(info.code);
}
