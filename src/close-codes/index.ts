export { describeCode } from './describe-code';
export { explainClose } from './explain-close';
export { isAbnormal } from './is-abnormal';
export type { CloseCodeInfo, CloseExplanation, CloseFacts, CodeRange, Initiator, Severity } from './types';
