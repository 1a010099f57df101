/**
 * The Apps Script entry: only exposes the handlers of the registry (names.ts) as globals, which gas-webpack-plugin
 * turns into top-level functions. The polyfills entry is evaluated before this module (see webpack.part.ts).
 */
import { handlers } from "./handlers/index.js";
import type { HandlerName } from "./handlers/names.js";

declare const global: Record<HandlerName, unknown>;

global.onHomepage = handlers.onHomepage;
global.onCompose = handlers.onCompose;
global.onPickClient = handlers.onPickClient;
global.onSchedule = handlers.onSchedule;
global.onInsertSummary = handlers.onInsertSummary;
global.onOpenDraft = handlers.onOpenDraft;
global.onCancel = handlers.onCancel;
global.onPause = handlers.onPause;
global.onResume = handlers.onResume;
global.onEditSchedule = handlers.onEditSchedule;
global.onSaveSchedule = handlers.onSaveSchedule;
global.onConfirmSent = handlers.onConfirmSent;
global.onSendAgain = handlers.onSendAgain;
global.onShowSettings = handlers.onShowSettings;
global.onSaveSettings = handlers.onSaveSettings;
global.onDispatchDue = handlers.onDispatchDue;
global.onDispatchHourly = handlers.onDispatchHourly;
