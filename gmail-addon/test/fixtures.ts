/** The sandbox's user: the examples' company profile and ledger, as two Google Sheets. */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { Sandbox, type SandboxOptions, type SheetData } from "./sandbox/sandbox.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const INVOICES_URL = "https://docs.google.com/spreadsheets/d/invoices-sheet/edit";
export const PAYMENTS_URL = "https://docs.google.com/spreadsheets/d/payments-sheet/edit";
export const MANY_CLIENTS_URL = "https://docs.google.com/spreadsheets/d/many-clients/edit";

function sheet(name: string, file: string): SheetData {
  const text = readFileSync(resolve(root, "examples/ledger", file), "utf8").replace(/^\ufeff/, "");
  const parsed = Papa.parse<string[]>(text.trim(), { delimiter: ";" });
  return { name, tabs: [{ id: 0, name: "Feuille 1", values: parsed.data }] };
}

/** A ledger of `count` clients, each with one open invoice: "Client 01" <client01@example.com>. */
export function manyClientsSheet(count: number): SheetData {
  const header = [
    "N° facture",
    "Client",
    "E-mail client",
    "Langue",
    "Date",
    "Échéance",
    "Montant TTC",
    "Payé",
    "Devise",
  ];
  const rows = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return [
      `F-${n}`,
      `Client ${n}`,
      `client${n}@example.com`,
      "fr-FR",
      "02/11/2026",
      "02/12/2026",
      `${100 + i},00`,
      "0,00",
      "EUR",
    ];
  });
  return { name: "Clients", tabs: [{ id: 0, name: "Feuille 1", values: [header, ...rows] }] };
}

/** The settings card's fields for the examples' company profile (examples/profile.json), no logo. */
export function examplesSettings(): Record<string, string> {
  const profile = JSON.parse(readFileSync(resolve(root, "examples/profile.json"), "utf8")) as Record<string, unknown>;
  return {
    name: String(profile.name),
    legalId: String(profile.legalId),
    vatId: String(profile.vatId),
    addressLines: (profile.addressLines as string[]).join("\n"),
    country: String(profile.country),
    locale: String(profile.locale),
    paymentTermsDays: String(profile.paymentTermsDays),
    brandColor: String(profile.brandColor),
    iban: String(profile.iban),
    bic: String(profile.bic),
    legalFooter: String(profile.legalFooter),
    frenchMentions: "yes",
  };
}

/** Form inputs as Gmail sends them: every field a one-value stringInputs. */
export function inputs(values: Readonly<Record<string, string>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, { stringInputs: { value: [value] } }]),
  );
}

export const START = Date.parse("2026-12-03T10:00:00Z");

export function newSandbox(options: Partial<SandboxOptions> = {}): Sandbox {
  return new Sandbox({
    now: START,
    sheets: {
      [INVOICES_URL]: sheet("Factures", "factures.csv"),
      [PAYMENTS_URL]: sheet("Paiements", "paiements.csv"),
      [MANY_CLIENTS_URL]: manyClientsSheet(25),
    },
    ...options,
  });
}

/** Settings saved through the settings card's own handler. */
export function setUp(
  sandbox: Sandbox,
  sendDay = 30,
  sendHour = 9,
  urls = [INVOICES_URL, PAYMENTS_URL],
  extra: Readonly<Record<string, string>> = {},
): unknown {
  return sandbox.run(
    "onSaveSettings",
    sandbox.event({
      formInputs: inputs({
        ...examplesSettings(),
        ledgerUrls: urls.join("\n"),
        sendDay: String(sendDay),
        sendHour: String(sendHour),
        ...extra,
      }),
    }),
  );
}

/** Schedules a statement for `client` (key) at `sendAt` the way the compose card's Schedule button does. */
export function schedule(sandbox: Sandbox, clientKey: string, sendAt: number, recipients: readonly string[]): unknown {
  return sandbox.run(
    "onSchedule",
    sandbox.event({
      gmail: { toRecipients: [...recipients] },
      formInputs: {
        client: { stringInputs: { value: [clientKey] } },
        sendAt: { dateTimeInput: { hasDate: true, hasTime: true, msSinceEpoch: String(sendAt) } },
      },
    }),
  );
}
