/** What the views may ask of the host, given through context: the entry file builds it from Office.js adapters. */
import { createContext, useContext } from "react";
import type { InputFile } from "../../../shared/src/ledger/import/index.js";
import type { Clock, ComposeTarget, SettingsStore } from "../../../shared/src/ports.js";
import type { CompanyProfile } from "../../../shared/src/profile.js";
import type { Mailbox } from "../graph/mailbox.js";
import type { ComposeCapabilities } from "../office/compose.js";
import type { LocalSends } from "./local-sends.js";
import type { PaneSettings } from "./settings.js";
import type { Language } from "./strings.js";

/** The ledger files and the logo: too big to roam, kept in the pane's IndexedDB. */
export interface LocalFiles {
  loadLedger(): Promise<readonly InputFile[] | undefined>;
  saveLedger(files: readonly InputFile[]): Promise<void>;
  loadLogo(): Promise<Uint8Array | undefined>;
  saveLogo(bytes: Uint8Array | undefined): Promise<void>;
}

export interface BuiltInExample {
  readonly files: readonly InputFile[];
  readonly profile: CompanyProfile;
}

export interface PaneCompose extends ComposeTarget {
  capabilities(): ComposeCapabilities;
  /** Sets an internet header on the draft (our statement tag). */
  tag(name: string, value: string): Promise<void>;
}

export interface PaneHost {
  /** The draft being written; undefined when the pane was opened from a message being read. */
  readonly compose: PaneCompose | undefined;
  readonly settings: SettingsStore<PaneSettings>;
  /** What this pane scheduled itself (roamingSettings): shown when Graph cannot be reached. */
  readonly localSends: SettingsStore<LocalSends>;
  /** The mailbox through Microsoft Graph (or the workbench's local server), for "Scheduled sends". */
  readonly mailbox: Mailbox;
  /** Classic Outlook for Windows: scheduled messages are held by Outlook itself and cannot be cancelled from here. */
  readonly classicWindows: boolean;
  /** Which view the pane opens on (the read-mode button asks for "scheduled"). */
  readonly initialView: "statement" | "scheduled";
  readonly files: LocalFiles;
  readonly clock: Clock;
  readonly language: Language;
  /** The user's display name, for {{sender}}. */
  readonly sender: string;
  /** Load the example by itself when there is no ledger yet (the workbench asks for this). */
  readonly autoExample: boolean;
  /** The example ledger and profile shipped with the pane. */
  loadExample(): Promise<BuiltInExample>;
  /** Subscribe to recipient changes of the draft (Mailbox 1.7 RecipientsChanged); returns an unsubscribe. */
  onRecipientsChanged(listener: () => void): () => void;
}

export const PaneHostContext = createContext<PaneHost | undefined>(undefined);

export function usePaneHost(): PaneHost {
  const host = useContext(PaneHostContext);
  if (host === undefined) throw new Error("usePaneHost outside PaneHostContext");
  return host;
}
