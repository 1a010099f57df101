/** Entry: waits for Office, builds the adapters, renders the pane. Nothing else happens here. */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { paneClock } from "./office/clock.js";
import { OutlookCompose } from "./office/compose.js";
import { RoamingSettingsStore } from "./office/roaming.js";
import { isDark } from "./office/theme.js";
import { loadExample } from "./storage/example.js";
import { IndexedDbFiles } from "./storage/local-files.js";
import { App } from "./taskpane/App.js";
import { PaneHostContext, type PaneHost } from "./taskpane/host.js";
import { readSettings } from "./taskpane/settings.js";
import { languageOf } from "./taskpane/strings.js";

void Office.onReady(() => {
  const context = Office.context;
  const mailbox = context.mailbox;
  const item = mailbox.item as Office.MessageCompose;
  const compose = new OutlookCompose({
    item,
    requirements: context.requirements,
    platform: String(context.diagnostics.platform),
    version: context.diagnostics.version,
  });
  const host: PaneHost = {
    compose,
    settings: new RoamingSettingsStore(context.roamingSettings, "releve.settings", readSettings),
    files: new IndexedDbFiles(indexedDB),
    clock: paneClock(mailbox.userProfile.timeZone),
    language: languageOf(context.displayLanguage),
    sender: mailbox.userProfile.displayName,
    autoExample: new URLSearchParams(window.location.search).get("example") === "auto",
    loadExample: () => loadExample(new URL(".", window.location.href)),
    onRecipientsChanged: (listener) => {
      if (!context.requirements.isSetSupported("Mailbox", "1.7")) return () => undefined;
      const handler = () => {
        listener();
      };
      mailbox.item?.addHandlerAsync(Office.EventType.RecipientsChanged, handler);
      return () => {
        mailbox.item?.removeHandlerAsync(Office.EventType.RecipientsChanged);
      };
    },
  };
  document.documentElement.lang = host.language;
  const root = document.getElementById("root");
  if (root === null) throw new Error("taskpane.html has no #root");
  createRoot(root).render(
    <FluentProvider theme={isDark(context.officeTheme) ? webDarkTheme : webLightTheme}>
      <PaneHostContext.Provider value={host}>
        <App />
      </PaneHostContext.Provider>
    </FluentProvider>,
  );
});
