/** The task pane: loads settings and the ledger once, then the Statement and Settings tabs. */
import { Spinner, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { readLogo } from "../../../shared/src/image.js";
import type { InputFile } from "../../../shared/src/ledger/import/index.js";
import type { CompanyProfile } from "../../../shared/src/profile.js";
import { usePaneHost, type PaneHost } from "./host.js";
import { EMPTY_SETTINGS, type PaneSettings } from "./settings.js";
import { ScheduledView } from "./ScheduledView.js";
import { SCHEDULED_STRINGS } from "./scheduled-strings.js";
import { SettingsView } from "./SettingsView.js";
import type { Engine, LedgerLoad } from "./statement-service.js";
import { StatementView } from "./StatementView.js";
import { STRINGS } from "./strings.js";

type PaneTab = "statement" | "scheduled" | "settings";

export type PaneData =
  | { readonly kind: "loading" }
  | {
      readonly kind: "loaded";
      readonly engine: Engine;
      readonly settings: PaneSettings;
      readonly profile: CompanyProfile;
      /** undefined: no ledger imported yet. */
      readonly ledger: LedgerLoad | undefined;
      readonly files: readonly InputFile[];
    };

const NEUTRAL_PROFILE: CompanyProfile = {
  name: "",
  addressLines: [],
  country: "FR",
  brandColor: "#1f5f8b",
  locale: "fr-FR",
  paymentTermsDays: 30,
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  body: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  center: { padding: tokens.spacingVerticalXXL },
});

/** Stores the built-in example as if the user had imported it. */
async function saveExample(host: PaneHost): Promise<void> {
  const example = await host.loadExample();
  const { logo, ...profile } = example.profile;
  const current = (await host.settings.load()) ?? EMPTY_SETTINGS;
  await host.settings.save({ ...current, profile });
  await host.files.saveLogo(logo?.bytes);
  await host.files.saveLedger(example.files);
}

export function App() {
  const host = usePaneHost();
  const strings = STRINGS[host.language];
  const styles = useStyles();
  const [data, setData] = useState<PaneData>({ kind: "loading" });
  // Opened from a message being read there is no draft: no Statement tab, the pane opens on Scheduled sends.
  const compose = host.compose;
  const [tab, setTab] = useState<PaneTab>(compose === undefined ? "scheduled" : host.initialView);
  const autoLoaded = useRef(false);

  const reload = useCallback(async (): Promise<void> => {
    const engine = await import(/* webpackChunkName: "engine" */ "./statement-service.js");
    const settings = (await host.settings.load()) ?? EMPTY_SETTINGS;
    const base: CompanyProfile = settings.profile ?? NEUTRAL_PROFILE;
    const logoBytes = await host.files.loadLogo();
    const logo = logoBytes !== undefined ? readLogo(logoBytes) : undefined;
    const profile: CompanyProfile = logo?.ok === true ? { ...base, logo: logo.image } : base;
    const files = (await host.files.loadLedger()) ?? [];
    const ledger = files.length > 0 ? await engine.loadLedger(files, profile.paymentTermsDays) : undefined;
    if (ledger === undefined && host.autoExample && !autoLoaded.current) {
      autoLoaded.current = true;
      await saveExample(host);
      await reload();
      return;
    }
    setData({ kind: "loaded", engine, settings, profile, ledger, files });
  }, [host]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const useExample = useCallback(async () => {
    await saveExample(host);
    await reload();
  }, [host, reload]);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        {/* Outlook already titles the pane with the add-in's name: no heading of our own, as Office panes do. */}
        <TabList
          selectedValue={tab}
          onTabSelect={(_event, selected) => {
            setTab(selected.value as PaneTab);
          }}
        >
          {compose !== undefined ? <Tab value="statement">{strings.tabStatement}</Tab> : null}
          <Tab value="scheduled" data-testid="tab-scheduled">
            {SCHEDULED_STRINGS[host.language].tab}
          </Tab>
          <Tab value="settings">{strings.tabSettings}</Tab>
        </TabList>
      </header>
      <main className={styles.body}>
        {data.kind === "loading" ? (
          <Spinner className={styles.center} label={strings.loading} />
        ) : tab === "statement" && compose !== undefined ? (
          <StatementView data={data} compose={compose} onUseExample={useExample} />
        ) : tab === "scheduled" ? (
          <ScheduledView data={data} />
        ) : (
          <SettingsView data={data} onChanged={reload} />
        )}
      </main>
    </div>
  );
}
