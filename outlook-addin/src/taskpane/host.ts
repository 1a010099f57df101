/** What the views may ask of the host, given through context: the entry file builds it from Office.js adapters. */
import { createContext, useContext } from "react";
import type { InputFile } from "../../../shared/src/ledger/import/index.js";
import type { Clock, ComposeTarget, SettingsStore } from "../../../shared/src/ports.js";
import type { CompanyProfile } from "../../../shared/src/profile.js";
import type { ComposeCapabilities } from "../office/compose.js";
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

export interface PaneHost {
  readonly compose: ComposeTarget & { capabilities(): ComposeCapabilities };
  readonly settings: SettingsStore<PaneSettings>;
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
