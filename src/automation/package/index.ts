// websocket-close-inspector: the recorder and the close log for any test runner, and the
// redaction every close log gets. Runner-specific entries: ./playwright and ./puppeteer.
export { RECORDER_PATH, RECORDER_SOURCE } from './recorder';
export {
  NO_RECORDER,
  SNAPSHOT_SCRIPT,
  abnormalCloses,
  closeLogFromAnswers,
  readCloseLog,
} from '../read-close-log';
export type { CloseLogTarget, FrameLike } from '../read-close-log';
export { describeSocket } from '../matchers';
export type { UrlPattern } from '../matchers';
export { parseImport as parseCloseLogFile } from '../../import/close-log-file';
export type { ImportResult } from '../../import/close-log-file';
export {
  DEFAULT_REDACTION,
  DEFAULT_SECRET_NAMES,
  REDACTED,
  parseSecretNames,
  redactCloseLog,
} from '../../export/redaction';
export type { RedactionOptions } from '../../export/redaction';
export type { CloseLogOptions } from '../../export/close-log';
// The close log's valibot schemas, and their types under the same names.
export { CloseLog, CloseLogMessage, CloseLogSocket } from '../../export/close-log-schema';
