/**
 * The one registry of handler names: appsscript.json, card actions and triggers name these functions, main.ts
 * exposes exactly these as globals, and the sandbox test checks all three agree.
 */
export const HANDLER = {
  homepage: "onHomepage",
  compose: "onCompose",
  pickClient: "onPickClient",
  schedule: "onSchedule",
  insertSummary: "onInsertSummary",
  openDraft: "onOpenDraft",
  cancel: "onCancel",
  pause: "onPause",
  resume: "onResume",
  editSchedule: "onEditSchedule",
  saveSchedule: "onSaveSchedule",
  confirmSent: "onConfirmSent",
  sendAgain: "onSendAgain",
  showSettings: "onShowSettings",
  saveSettings: "onSaveSettings",
  dispatchDue: "onDispatchDue",
  dispatchHourly: "onDispatchHourly",
} as const;

export type HandlerName = (typeof HANDLER)[keyof typeof HANDLER];

export const HANDLER_NAMES: readonly HandlerName[] = Object.values(HANDLER);
