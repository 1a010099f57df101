/** renderStatementPdf read back with pdfjs-dist (text, pages, images) and rendered with pdftoppm. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDocument, OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import {
  activityStatement,
  amount,
  client,
  EUR,
  frenchProfile,
  logoPng,
  neutralProfile,
  outstandingStatement,
} from "../../../test/fixtures/pdf/statements.js";
import { isoDate } from "../date/civil-date.js";
import { currency } from "../money/currency.js";
import { money, type Money } from "../money/money.js";
import type { CompanyProfile } from "../profile.js";
import type { ActivitySection, Statement } from "../statement/model.js";
import { embeddedFonts } from "./fonts.js";
import { layoutStatement } from "./layout.js";
import { PdfTextError, renderStatementPdf } from "./render.js";

const profile: CompanyProfile = { ...frenchProfile, logo: logoPng() };

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs transfers (detaches) the buffer it is given: hand it a copy.
  return getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
}

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await open(bytes);
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ("str" in item ? item.str : "")).join("\n"));
  }
  await doc.destroy();
  return texts;
}

/** pdffonts and pdftoppm (poppler, stricter than pdfjs) on the PDF: their stdout, stderr and the font names. */
function poppler(bytes: Uint8Array): { fonts: string[]; fontsStderr: string; renderStderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "releve-pdf-"));
  const file = join(dir, "statement.pdf");
  writeFileSync(file, bytes);
  const fonts = spawnSync("pdffonts", [file], { encoding: "utf8" });
  const render = spawnSync("pdftoppm", ["-png", "-r", "40", file, join(dir, "page")], { encoding: "utf8" });
  expect(fonts.status).toBe(0);
  expect(render.status).toBe(0);
  return {
    fonts: fonts.stdout
      .split("\n")
      .slice(2)
      .filter((line) => line.trim() !== "")
      .map((line) => line.split(/\s+/)[0] ?? ""),
    fontsStderr: fonts.stderr,
    renderStderr: render.stderr,
  };
}

function withOpenAmount(statement: Statement, minor: number): Statement {
  const section = statement.sections[0];
  if (section === undefined) throw new Error("fixture has a section");
  const [first, ...rest] = section.openItems;
  if (first === undefined) throw new Error("fixture has lines");
  return {
    ...statement,
    sections: [{ ...section, openItems: [{ ...first, open: money(EUR, minor) }, ...rest] }],
  };
}

/** The longest outstanding statement that still fits on `pages` pages: its table runs onto the last page. */
function statementOnPages(pages: number): Statement {
  let found: Statement | undefined;
  for (let count = 10; count < 400; count++) {
    const statement = outstandingStatement({ count });
    const laidOut = layoutStatement(statement, profile, "A4", embeddedFonts()).pages.length;
    if (laidOut === pages) found = statement;
    if (laidOut > pages) break;
  }
  if (found === undefined) throw new Error(`no line count gives ${pages} pages`);
  return found;
}

describe("renderStatementPdf", () => {
  it("extracts a French amount over 1 000 with a space-like thousands separator, never '/' or NUL", async () => {
    const statement = withOpenAmount(outstandingStatement({ count: 3 }), 123456);
    const [page] = await pageTexts(renderStatementPdf(statement, profile, { pageSize: "A4" }));
    expect(page).toMatch(/1[\s\u202f\u00a0\u2009]234,56[\s\u202f\u00a0]€/u);
    expect(page).not.toContain("1 /234");
    expect(page).not.toContain("\u0000");
  });

  it("draws Latin Extended and Greek client names that extract unchanged", async () => {
    for (const name of ["Kyoto Kōgei K.K.", "Αθηναϊκή Εταιρεία Α.Ε.", "Łódź Spółka z o.o. — Ærø Ĳssel"]) {
      const statement = { ...outstandingStatement({ count: 2 }), client: client(name) };
      const [page] = await pageTexts(renderStatementPdf(statement, profile, { pageSize: "A4" }));
      expect(page?.normalize("NFC")).toContain(name);
    }
  });

  it("refuses a name the fonts cannot show, naming the text and the character", () => {
    const statement = { ...outstandingStatement({ count: 2 }), client: client("京都 Trading") };
    expect(() => renderStatementPdf(statement, profile, { pageSize: "A4" })).toThrow(PdfTextError);
    try {
      renderStatementPdf(statement, profile, { pageSize: "A4" });
    } catch (error) {
      const problem = (error as PdfTextError).problem;
      expect(problem.code).toBe("pdf.text.unsupported-character");
      expect(problem.message).toContain('"京都 Trading"');
      expect(problem.message).toContain('"京" (U+4EAC)');
      expect(problem.location.field).toBe("client name");
    }
  });

  it("numbers every page 'X / Y' and repeats the table header on each page", async () => {
    const texts = await pageTexts(renderStatementPdf(statementOnPages(3), profile, { pageSize: "A4" }));
    expect(texts).toHaveLength(3);
    texts.forEach((text, i) => {
      expect(text).toContain(`page ${i + 1} / 3`);
      expect(text).toContain("N° de pièce");
      expect(text).toContain("Reste dû");
      expect(text).toContain("Atelier Lumière SARL · SIRET 812 345 678 00021");
      expect(text).toContain("IBAN FR76 3000 4000 0312 3456 7890 143");
    });
  });

  it("uses the requested page size", async () => {
    const statement = outstandingStatement({ count: 3 });
    for (const [pageSize, view] of [
      ["A4", [0, 0, 595.28, 841.89]],
      ["Letter", [0, 0, 612, 792]],
    ] as const) {
      const doc = await open(renderStatementPdf(statement, profile, { pageSize }));
      const page = await doc.getPage(1);
      page.view.forEach((value, i) => {
        expect(value).toBeCloseTo(view[i] ?? 0, 1);
      });
      await doc.destroy();
    }
  });

  it("draws the logo as an image XObject", async () => {
    const doc = await open(renderStatementPdf(outstandingStatement({ count: 3 }), profile, { pageSize: "A4" }));
    const ops = await (await doc.getPage(1)).getOperatorList();
    expect(ops.fnArray).toContain(OPS.paintImageXObject);
    await doc.destroy();
  });

  it("compresses every stream and sets the title and a deterministic creation date", () => {
    const statement = outstandingStatement({ count: 40 });
    const bytes = renderStatementPdf(statement, profile, { pageSize: "A4" });
    const raw = Buffer.from(bytes).toString("latin1");
    const dictionaries = raw.match(/<<(?:(?!<<|>>)[\s\S]|<<[\s\S]*?>>)*>>\s*stream/g) ?? [];
    expect(dictionaries.length).toBeGreaterThan(3);
    for (const dictionary of dictionaries) expect(dictionary).toContain("/FlateDecode");
    expect(raw).toContain("/CreationDate (D:20261130000000+00'00')");
    expect(raw).toMatch(/\/Title \(.*\)/);
    expect(Buffer.from(renderStatementPdf(statement, profile, { pageSize: "A4" })).equals(Buffer.from(bytes))).toBe(
      true,
    );
  });

  it("writes the French late-payment mentions and per-line penalties", async () => {
    const statement = outstandingStatement({ count: 12, penalties: true });
    const [page] = await pageTexts(renderStatementPdf(statement, profile, { pageSize: "A4" }));
    const flat = page?.replace(/\n/g, " ").replace(/\s+/g, " ");
    expect(flat).toContain("pénalités exigibles dès le lendemain de la date d'échéance sans rappel");
    expect(flat).toContain("indemnité forfaitaire pour frais de recouvrement de 40 €");
    expect(flat).toMatch(/12,15\s%/u);
    expect(page).toContain("Pénalités");
    expect(page).toContain("Non échu");
    expect(page).toContain("> 90 j");
  });

  it("writes an activity statement in English with opening and closing balances", async () => {
    const section: ActivitySection = {
      kind: "activity",
      currency: EUR,
      opening: amount(100000),
      lines: [
        {
          date: isoDate("2026-11-03"),
          kind: "invoice",
          reference: "INV-77",
          dueDate: isoDate("2026-12-03"),
          amount: amount(250000),
          balance: amount(350000),
          dateUnknown: false,
        },
        {
          date: isoDate("2026-11-20"),
          kind: "payment",
          reference: "INV-70",
          dueDate: undefined,
          amount: amount(-100000),
          balance: amount(250000),
          dateUnknown: false,
        },
      ],
      closing: amount(250000),
      openTotal: amount(250000),
      overdueTotal: amount(0),
      overdueCount: 0,
      ageing: [{ fromDays: null, toDays: 0, amount: amount(250000) }],
      creditsTotal: amount(0),
      penaltiesTotal: undefined,
      indemnitiesTotal: undefined,
      openItems: [],
    };
    const statement: Statement = {
      kind: "activity",
      client: client("Harbour & Co Ltd"),
      asOf: isoDate("2026-11-30"),
      period: { from: isoDate("2026-11-01"), to: isoDate("2026-11-30") },
      locale: "en-GB",
      sections: [section],
      frenchMentions: undefined,
      nothingToSend: false,
    };
    const [page] = await pageTexts(renderStatementPdf(statement, { ...profile, locale: "en-GB" }, { pageSize: "A4" }));
    expect(page).toContain("Account activity statement");
    expect(page).toContain("Period 1 November 2026 to 30 November 2026");
    expect(page).toContain("Opening balance on 01/11/2026");
    expect(page).toContain("Closing balance on 30/11/2026");
    expect(page).toContain("Payment INV-70");
    expect(page).toContain("€2,500.00");
    expect(page).toContain("page 1 / 1");
    expect(page).not.toContain("pénalités");
  });

  it("draws one section per currency, each with its own totals", async () => {
    const CHF = currency("CHF");
    const base = outstandingStatement({ count: 3 });
    const eur = base.sections[0];
    if (eur === undefined) throw new Error("fixture has a section");
    const chf = (m: Money): Money => money(CHF, m.minor);
    const swiss = {
      ...eur,
      currency: CHF,
      openTotal: chf(eur.openTotal),
      overdueTotal: chf(eur.overdueTotal),
      ageing: eur.ageing.map((band) => ({ ...band, amount: chf(band.amount) })),
      openItems: eur.openItems.map((line) => ({ ...line, original: chf(line.original), open: chf(line.open) })),
    };
    const [page] = await pageTexts(
      renderStatementPdf({ ...base, sections: [eur, swiss] }, profile, { pageSize: "A4" }),
    );
    expect(page).toContain("Compte en EUR");
    expect(page).toContain("Compte en CHF");
    expect(page).toMatch(/CHF/);
    expect(page?.match(/Total restant dû/g)).toHaveLength(2);
  });

  it("embeds and lists the bold font with the neutral profile (no name, no address, no logo, no IBAN)", async () => {
    for (const statement of [outstandingStatement({ count: 6, penalties: true }), activityStatement({ count: 6 })]) {
      for (const pageSize of ["A4", "Letter"] as const) {
        const bytes = renderStatementPdf(statement, neutralProfile, { pageSize });
        const { fonts, fontsStderr, renderStderr } = poppler(bytes);
        expect(fontsStderr).toBe("");
        expect(renderStderr).toBe("");
        expect(fonts).toEqual(["ReleveSans", "ReleveSans"]);
        const [page] = await pageTexts(bytes);
        expect(page).toContain(statement.kind === "activity" ? "Account activity statement" : "Relevé de compte");
        expect(page).toContain(statement.kind === "activity" ? "Harbour & Co Ltd" : "Boulangerie Dupont & Fils");
      }
    }
  });

  it("sizes columns from their content: huge amounts, penalties and credit note numbers are never cut", async () => {
    for (const locale of ["fr-FR", "en-GB"]) {
      const base = outstandingStatement({ count: 8, penalties: true, locale });
      const section = base.sections[0];
      if (section === undefined) throw new Error("fixture has a section");
      const openItems = section.openItems.map((line, i) =>
        i === 1
          ? { ...line, original: amount(1_234_567_890), open: amount(-1_234_567_890), kind: "credit-note" as const }
          : i === 4
            ? { ...line, original: amount(1_234_567_890), open: amount(1_234_567_890), penalty: amount(24_246_570) }
            : line,
      );
      const statement = { ...base, sections: [{ ...section, openItems }] };
      const [page] = await pageTexts(renderStatementPdf(statement, profile, { pageSize: "A4" }));
      const flat = page?.replace(/[\u00a0\u202f]/g, " ") ?? "";
      expect(page).not.toContain("…");
      if (locale === "fr-FR") {
        expect(flat).toContain("12 345 678,90 €");
        expect(flat).toContain("-12 345 678,90 €");
        expect(flat).toContain("242 465,70 €");
        expect(flat).toContain("Avoir F-2026-0002");
      } else {
        expect(flat).toContain("€12,345,678.90");
        expect(flat).toContain("€242,465.70");
        expect(flat).toContain("Credit note F-2026-0002");
        expect(flat).toContain("Credit note AV-2026-0006");
      }
    }
  });

  it("wraps a long client name on three lines and ends it with a visible ellipsis", async () => {
    const name =
      "Société Coopérative Agricole des Producteurs de Fruits et Légumes du Val de Loire, de Touraine et du Berry Réunis";
    const statement = { ...outstandingStatement({ count: 2 }), client: client(name) };
    const layout = layoutStatement(statement, profile, "A4", embeddedFonts());
    const lines = (layout.pages[0] ?? []).filter((op) => op.op === "text" && op.style === "bold" && op.size === 10.5);
    expect(lines).toHaveLength(3);
    expect(lines.map((op) => (op.op === "text" ? op.text : "")).join(" ")).toMatch(/^Société Coopérative .*…$/);
    const [page] = await pageTexts(renderStatementPdf(statement, profile, { pageSize: "A4" }));
    expect(page).toContain("…");
  });

  it("lays the currency sections out with the same columns, the penalty column included when French mentions are on", () => {
    const CHF = currency("CHF");
    const base = outstandingStatement({ count: 6, penalties: true });
    const eur = base.sections[0];
    if (eur === undefined) throw new Error("fixture has a section");
    const noPenalty = { ...eur, openItems: eur.openItems.slice(0, 3).map((line) => ({ ...line, penalty: undefined })) };
    const chf = (m: Money): Money => money(CHF, m.minor);
    const swiss = { ...eur, currency: CHF, openItems: eur.openItems.map((l) => ({ ...l, open: chf(l.open) })) };
    const layout = layoutStatement({ ...base, sections: [noPenalty, swiss] }, profile, "A4", embeddedFonts());
    const headers = layout.pages
      .flat()
      .filter((op) => op.op === "text" && op.text === "Pénalités")
      .map((op) => (op.op === "text" ? Math.round(op.x * 100) : 0));
    expect(headers).toHaveLength(2);
    expect(headers[0]).toBe(headers[1]);
  });

  it("shows the open credits in the totals and hides zero indemnities and penalties", async () => {
    const base = outstandingStatement({ count: 8, penalties: true });
    const section = base.sections[0];
    if (section === undefined) throw new Error("fixture has a section");
    expect(section.creditsTotal.minor).toBeLessThan(0);
    const withCredits = (await pageTexts(renderStatementPdf(base, profile, { pageSize: "A4" })))[0] ?? "";
    expect(withCredits).toContain("dont avoirs et acomptes à déduire");
    expect(withCredits).toMatch(/-20[\s\u202f\u00a0]096,85[\s\u00a0]€/u);
    for (const band of section.ageing) expect(band.amount.minor).toBeGreaterThanOrEqual(0);
    const en = (await pageTexts(renderStatementPdf(activityStatement({ count: 6 }), profile, { pageSize: "A4" })))[0];
    expect(en).toContain("of which credit notes and advances to deduct");

    const zero = {
      ...base,
      sections: [{ ...section, creditsTotal: amount(0), penaltiesTotal: amount(0), indemnitiesTotal: amount(0) }],
    };
    const page = (await pageTexts(renderStatementPdf(zero, profile, { pageSize: "A4" })))[0] ?? "";
    expect(page).not.toContain("Indemnités forfaitaires de recouvrement");
    expect(page).not.toContain("Pénalités de retard courues");
    expect(page).not.toContain("dont avoirs et acomptes");
  });

  it("shows the company name once when there is no logo", async () => {
    const noLogo = (
      await pageTexts(renderStatementPdf(outstandingStatement({ count: 2 }), frenchProfile, { pageSize: "A4" }))
    )[0];
    const header = noLogo?.split("Relevé de compte")[0] ?? "";
    expect(header.match(/Atelier Lumière SARL/g)).toHaveLength(1);
    const withLogo = (
      await pageTexts(renderStatementPdf(outstandingStatement({ count: 2 }), profile, { pageSize: "A4" }))
    )[0];
    expect(withLogo?.split("Relevé de compte")[0]?.match(/Atelier Lumière SARL/g)).toHaveLength(1);
  });

  // poppler is stricter than pdfjs; npm test installs poppler-utils (scripts/system-packages.sh), so no skip here.
  it("renders page 1 with pdftoppm without errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "releve-pdf-"));
    const file = join(dir, "statement.pdf");
    writeFileSync(
      file,
      renderStatementPdf(outstandingStatement({ count: 20, penalties: true }), profile, { pageSize: "A4" }),
    );
    const result = spawnSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, join(dir, "page")], {
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(readdirSync(dir).some((name) => name.startsWith("page") && name.endsWith(".png"))).toBe(true);
  });
});
