/** Entry: waits for Office, builds the adapters, renders the pane. Nothing else happens here. */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { NaaTokenSource, type GraphAccess } from "./graph/auth.js";
import { GRAPH_BASE_URL, GraphMailbox } from "./graph/client.js";
import { paneClock } from "./office/clock.js";
import { OutlookCompose } from "./office/compose.js";
import { RoamingSettingsStore } from "./office/roaming.js";
import { isDark } from "./office/theme.js";
import { loadExample } from "./storage/example.js";
import { IndexedDbFiles } from "./storage/local-files.js";
import { App } from "./taskpane/App.js";
import { PaneHostContext, type PaneHost } from "./taskpane/host.js";
import { LOCAL_SENDS_KEY, readLocalSends } from "./taskpane/local-sends.js";
import { readSettings } from "./taskpane/settings.js";
import { languageOf } from "./taskpane/strings.js";

/** The Entra app registration's client id, given at build time (README: "Graph sign-in"). */
declare const RELEVE_GRAPH_CLIENT_ID: string;

void Office.onReady(() => {
  const context = Office.context;
  const mailbox = context.mailbox;
  const platform = String(context.diagnostics.platform);
  // In read mode the item is the message being read: there is no draft to attach to.
  const item = mailbox.item;
  const compose =
    item !== undefined && "addFileAttachmentFromBase64Async" in item
      ? new OutlookCompose({
          item,
          requirements: context.requirements,
          platform,
          version: context.diagnostics.version,
        })
      : undefined;
  const graph: GraphAccess = window.releveGraphAccess ?? {
    baseUrl: GRAPH_BASE_URL,
    tokens: new NaaTokenSource({
      clientId: RELEVE_GRAPH_CLIENT_ID,
      nestedAppAuthSupported: context.requirements.isSetSupported("NestedAppAuth", "1.1"),
    }),
  };
  const host: PaneHost = {
    compose,
    settings: new RoamingSettingsStore(context.roamingSettings, "releve.settings", readSettings),
    localSends: new RoamingSettingsStore(context.roamingSettings, LOCAL_SENDS_KEY, readLocalSends),
    mailbox: new GraphMailbox({ baseUrl: graph.baseUrl, tokens: graph.tokens }),
    classicWindows: platform === "PC",
    initialView: new URLSearchParams(window.location.search).get("view") === "scheduled" ? "scheduled" : "statement",
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
