/** The Settings tab: company profile and logo, ledger import with the core's report, per-client rule and message. */
import {
  Button,
  Card,
  CardHeader,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState, type ChangeEvent } from "react";
import { readLogo } from "../../../shared/src/image.js";
import type { InputFile } from "../../../shared/src/ledger/import/index.js";
import { checkTemplate, defaultTemplate } from "../../../shared/src/message/template.js";
import { DEFAULT_FRENCH_LATE_MENTIONS, type CompanyProfile } from "../../../shared/src/profile.js";
import { formatProblem } from "../../../shared/src/problem.js";
import { OfficeError } from "../office/async.js";
import type { PaneData } from "./App.js";
import { usePaneHost } from "./host.js";
import { withClient, type ClientSettings, type RuleChoice, type StoredCompanyProfile } from "./settings.js";
import { STRINGS } from "./strings.js";

type Loaded = Extract<PaneData, { kind: "loaded" }>;

type SaveState =
  { readonly kind: "idle" } | { readonly kind: "saved" } | { readonly kind: "failed"; readonly message: string };

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  problems: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type TextField = "name" | "legalId" | "vatId" | "country" | "email" | "iban" | "bic" | "legalFooter";

function withoutLogo(profile: CompanyProfile): StoredCompanyProfile {
  const copy: { -readonly [K in keyof CompanyProfile]?: CompanyProfile[K] } = { ...profile };
  delete copy.logo;
  return copy as StoredCompanyProfile;
}

async function readFiles(list: FileList | null): Promise<InputFile[]> {
  return Promise.all(
    [...(list ?? [])].map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
}

export function SettingsView({ data, onChanged }: { data: Loaded; onChanged: () => Promise<void> }) {
  const host = usePaneHost();
  const strings = STRINGS[host.language];
  const styles = useStyles();
  const [profile, setProfile] = useState<StoredCompanyProfile>(() => withoutLogo(data.profile));
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [report, setReport] = useState<readonly string[] | undefined>(undefined);
  const clients = data.ledger?.kind === "ready" ? data.ledger.ledger.clients : [];
  const [clientKey, setClientKey] = useState<string | undefined>(clients[0]?.key);
  const current: ClientSettings = (clientKey !== undefined ? data.settings.clients[clientKey] : undefined) ?? {};
  const [client, setClient] = useState<ClientSettings>(current);
  // An import replaces the ledger: a client chosen before may no longer exist, and saving under its key would be
  // saved nowhere the user can see. Fall back to the first client of the new ledger.
  const chosenExists = clientKey !== undefined && clients.some((c) => c.key === clientKey);
  const firstKey = clients[0]?.key;
  useEffect(() => {
    if (chosenExists) return;
    setClientKey(firstKey);
    setClient((firstKey !== undefined ? data.settings.clients[firstKey] : undefined) ?? {});
  }, [chosenExists, firstKey, data.settings.clients]);

  const persist = async (next: Parameters<typeof host.settings.save>[0]) => {
    try {
      await host.settings.save(next);
      setSave({ kind: "saved" });
      await onChanged();
    } catch (error) {
      setSave({ kind: "failed", message: error instanceof OfficeError ? error.message : String(error) });
    }
  };

  const text = (key: TextField, label: string) => (
    <Field label={label}>
      <Input
        value={profile[key] ?? ""}
        onChange={(_event, next) => {
          setProfile({ ...profile, [key]: next.value });
        }}
      />
    </Field>
  );

  const importLedger = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = await readFiles(event.target.files);
    if (files.length === 0) return;
    const loaded = await data.engine.loadLedger(files, profile.paymentTermsDays);
    const lines = loaded.problems.filter((p) => p.severity !== "info").map((p) => formatProblem(p));
    if (loaded.kind === "ready") {
      await host.files.saveLedger(files);
      // The report shows once the pane runs on the new ledger, so what it says is what the other views use.
      await onChanged();
      setReport([strings.importOk(loaded.ledger.documents.length, loaded.ledger.clients.length), ...lines]);
    } else {
      setReport(lines);
    }
  };

  const importLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const [file] = await readFiles(event.target.files);
    if (file === undefined) return;
    const logo = readLogo(file.bytes);
    if (!logo.ok) {
      setSave({ kind: "failed", message: `${strings.logoBad} (${logo.message})` });
      return;
    }
    await host.files.saveLogo(file.bytes);
    await onChanged();
  };

  const rule: RuleChoice = client.rule ?? { kind: "last-business-day" };
  const template = client.template ?? defaultTemplate(profile.locale);
  const templateCheck = checkTemplate(template);

  return (
    <div className={styles.stack}>
      <MessageBar intent="info" layout="multiline" data-testid="where-data">
        <MessageBarBody>{strings.whereData}</MessageBarBody>
      </MessageBar>

      <Card>
        <CardHeader header={<Text weight="semibold">{strings.ledger}</Text>} />
        <Field label={strings.importFiles}>
          <input
            type="file"
            multiple
            accept=".csv,.txt,.tsv,.xml,.pdf"
            data-testid="ledger-input"
            onChange={(event) => void importLedger(event)}
          />
        </Field>
        {report !== undefined ? (
          <div data-testid="import-report">
            <Text weight="semibold">{strings.importReport}</Text>
            <ul className={styles.problems}>
              {report.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>

      <Card>
        <CardHeader header={<Text weight="semibold">{strings.profile}</Text>} />
        {text("name", strings.name)}
        {text("legalId", strings.legalId)}
        {text("vatId", strings.vatId)}
        <Field label={strings.address}>
          <Textarea
            value={profile.addressLines.join("\n")}
            onChange={(_event, next) => {
              setProfile({ ...profile, addressLines: next.value.split("\n") });
            }}
          />
        </Field>
        {text("country", strings.country)}
        {text("email", strings.email)}
        <Field label={strings.brandColor}>
          <input
            type="color"
            value={profile.brandColor}
            onChange={(event) => {
              setProfile({ ...profile, brandColor: event.target.value });
            }}
          />
        </Field>
        {text("iban", strings.iban)}
        {text("bic", strings.bic)}
        {text("legalFooter", strings.legalFooter)}
        <Checkbox
          label={strings.frenchMentions}
          checked={
            profile.frenchLateMentions !== null &&
            (profile.frenchLateMentions !== undefined || profile.country === "FR")
          }
          onChange={(_event, next) => {
            setProfile({ ...profile, frenchLateMentions: next.checked === true ? DEFAULT_FRENCH_LATE_MENTIONS : null });
          }}
        />
        <Field label={strings.logo}>
          <input type="file" accept="image/png,image/jpeg" onChange={(event) => void importLogo(event)} />
        </Field>
        <Button
          appearance="primary"
          onClick={() =>
            void persist({
              ...data.settings,
              profile: { ...profile, addressLines: profile.addressLines.filter((l) => l.trim() !== "") },
            })
          }
        >
          {strings.save}
        </Button>
      </Card>

      {clients.length > 0 ? (
        <Card>
          <CardHeader header={<Text weight="semibold">{strings.clientRule}</Text>} />
          <Dropdown
            aria-label={strings.client}
            value={clients.find((c) => c.key === clientKey)?.name ?? ""}
            selectedOptions={clientKey !== undefined ? [clientKey] : []}
            onOptionSelect={(_event, option) => {
              setClientKey(option.optionValue);
              setClient(
                (option.optionValue !== undefined ? data.settings.clients[option.optionValue] : undefined) ?? {},
              );
            }}
          >
            {clients.map((c) => (
              <Option key={c.key} value={c.key} text={c.name}>
                {c.name}
              </Option>
            ))}
          </Dropdown>
          <Field label={strings.ruleLabel}>
            <Dropdown
              value={
                rule.kind === "last-business-day"
                  ? strings.ruleLastBusinessDay
                  : rule.kind === "day-of-month"
                    ? strings.ruleDayOfMonth
                    : strings.ruleCustom
              }
              selectedOptions={[rule.kind]}
              onOptionSelect={(_event, option) => {
                const kind = option.optionValue;
                setClient({
                  ...client,
                  rule:
                    kind === "day-of-month"
                      ? { kind, day: 28 }
                      : kind === "rrule"
                        ? { kind, text: "DTSTART;TZID=Europe/Paris:20260105T090000\nRRULE:FREQ=MONTHLY;BYDAY=1MO" }
                        : { kind: "last-business-day" },
                });
              }}
            >
              <Option value="last-business-day">{strings.ruleLastBusinessDay}</Option>
              <Option value="day-of-month">{strings.ruleDayOfMonth}</Option>
              <Option value="rrule">{strings.ruleCustom}</Option>
            </Dropdown>
          </Field>
          {rule.kind === "day-of-month" ? (
            <Input
              type="number"
              min={1}
              max={31}
              aria-label={strings.ruleDayOfMonth}
              value={String(rule.day)}
              onChange={(_event, next) => {
                setClient({ ...client, rule: { kind: "day-of-month", day: Number(next.value) } });
              }}
            />
          ) : null}
          {rule.kind === "rrule" ? (
            <Textarea
              aria-label={strings.ruleCustom}
              value={rule.text}
              onChange={(_event, next) => {
                setClient({ ...client, rule: { kind: "rrule", text: next.value } });
              }}
            />
          ) : null}
          <Field label={strings.sendTime}>
            <Input
              type="time"
              value={client.time ?? "09:00"}
              onChange={(_event, next) => {
                setClient({ ...client, time: next.value });
              }}
            />
          </Field>
          <Field label={strings.recipients}>
            <Input
              value={(client.recipients ?? []).join(", ")}
              onChange={(_event, next) => {
                const list = next.value
                  .split(",")
                  .map((r) => r.trim())
                  .filter((r) => r !== "");
                setClient({ ...client, recipients: list.length > 0 ? list : undefined });
              }}
            />
          </Field>
          <Field label={strings.subject}>
            <Input
              value={template.subject}
              onChange={(_event, next) => {
                setClient({ ...client, template: { ...template, subject: next.value } });
              }}
            />
          </Field>
          <Field
            label={strings.body}
            hint={strings.placeholders}
            validationMessage={templateCheck.ok ? undefined : templateCheck.unknown.map((u) => `{{${u}}}`).join(" ")}
          >
            <Textarea
              rows={6}
              value={template.body}
              onChange={(_event, next) => {
                setClient({ ...client, template: { ...template, body: next.value } });
              }}
            />
          </Field>
          <Button
            appearance="primary"
            disabled={!chosenExists || !templateCheck.ok}
            onClick={() => {
              if (clientKey !== undefined) void persist(withClient(data.settings, clientKey, client));
            }}
          >
            {strings.save}
          </Button>
        </Card>
      ) : null}

      {save.kind === "saved" ? (
        <MessageBar intent="success">
          <MessageBarBody>{strings.settingsSaved}</MessageBarBody>
        </MessageBar>
      ) : null}
      {save.kind === "failed" ? (
        <MessageBar intent="error">
          <MessageBarBody>{save.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
