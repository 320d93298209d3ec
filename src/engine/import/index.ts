/** The broker import's face: CSV text in, positions out; and the merge into a workbook's tables. Pure. */
export { importFile, importFiles, KNOWN_FORMATS } from './read-file';
export { importJson } from './json';
export type { CashJson, ImportJson, PositionJson } from './json';
export { mergeImport } from './merge';
export type { AccountMatch, ImportPlan, MergeInput, NewAccount, PositionChange, PositionState } from './merge';
export { ImportError, isImportError } from './model';
export type { BrokerName, ImportedAccount, ImportedFile, ImportedHolding, SkippedLine } from './model';
