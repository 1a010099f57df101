/**
 * Statement layout as a display list: every page's texts, rules, fills and images in points from the top-left.
 * Laying out before drawing tells us the page count ("page X / Y") and the exact glyphs used (the font subset)
 * before jsPDF sees a single call.
 */
import type { IsoDate } from "../date/civil-date.js";
import { formatMoney } from "../money/format.js";
import { negate, type Money } from "../money/money.js";
import type { CompanyProfile, LogoImage } from "../profile.js";
import type { ActivitySection, OutstandingLine, Statement, StatementSection } from "../statement/model.js";
import type { EmbeddedFont, FontStyle } from "./fonts.js";
import { drawable, textWidth, type DrawableText } from "./text.js";
import { formatCivilDate } from "../date/format.js";
import { formatWholeMoney } from "../money/format.js";
import { formatRate, textsFor, type PdfTexts } from "./texts.js";

export type Rgb = readonly [number, number, number];
export type Align = "left" | "right" | "center";
export type PageSize = "A4" | "Letter";

export type DrawOp =
  | {
      readonly op: "text";
      readonly text: DrawableText;
      readonly x: number;
      readonly y: number;
      readonly style: FontStyle;
      readonly size: number;
      readonly color: Rgb;
    }
  | {
      readonly op: "rect";
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly fill: Rgb;
    }
  | {
      readonly op: "line";
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly color: Rgb;
      readonly width: number;
    }
  | {
      readonly op: "image";
      readonly image: LogoImage;
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
    };

export interface StatementLayout {
  readonly width: number;
  readonly height: number;
  readonly pages: readonly (readonly DrawOp[])[];
  /** Code points drawn per font style: what the per-document font subset must hold. */
  readonly used: Readonly<Record<FontStyle, ReadonlySet<number>>>;
  readonly title: string;
}

export const PAGE_SIZES: Readonly<Record<PageSize, readonly [number, number]>> = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
};

const INK: Rgb = [33, 37, 41];
const MUTED: Rgb = [108, 117, 125];
const RULE: Rgb = [222, 226, 230];
const ZEBRA: Rgb = [246, 247, 249];
const WHITE: Rgb = [255, 255, 255];
const MARGIN = 40;
const ROW = 15;
const BODY = 8.5;
/** Table text shrinks no further than this before text columns are cut. */
const MIN_BODY = 6.5;
const HEADER_SIZE = 7.5;
/** Cell padding, left and right. */
const PAD = 5;

/**
 * "#RRGGBB" → RGB; a broken setting falls back to a neutral navy rather than failing a send.
 * @example parseHexColor("#1F4E79") // [31, 78, 121]
 */
export function parseHexColor(hex: string): Rgb {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (match === null) return [31, 58, 95];
  return [parseInt(match[1] ?? "0", 16), parseInt(match[2] ?? "0", 16), parseInt(match[3] ?? "0", 16)];
}

function mix(color: Rgb, into: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => Math.round((color[i] ?? 0) * amount + (into[i] ?? 0) * (1 - amount))) as unknown as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

interface Column {
  readonly title: string;
  /** Share of the table width when the content leaves room to spare. */
  readonly weight: number;
  readonly align: Align;
  /** A text column (document number, reference): gives up room first, cut with "…" only as a last resort. */
  readonly text?: boolean;
}

interface Cell {
  readonly text: string;
  readonly style?: FontStyle;
  readonly color?: Rgb;
}

type Row = readonly Cell[];

interface TableSpec {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Rows whose first cell spans the first three columns. */
  readonly spanFirst?: ReadonlySet<number>;
}

/** Column widths shared by every table of a statement, and the body size they allow. */
interface TableGeometry {
  readonly widths: readonly number[];
  readonly size: number;
}

/**
 * Lays a statement out on pages of the given size; every string has passed the text step.
 * @throws PdfTextError for a character the embedded fonts cannot show.
 * @example layoutStatement(statement, profile, "A4", embeddedFonts()).pages.length // 3
 */
export function layoutStatement(
  statement: Statement,
  profile: CompanyProfile,
  pageSize: PageSize,
  fonts: Readonly<Record<FontStyle, EmbeddedFont>>,
): StatementLayout {
  return new Layouter(statement, profile, pageSize, fonts).run();
}

class Layouter {
  private readonly texts: PdfTexts;
  private readonly width: number;
  private readonly height: number;
  private readonly brand: Rgb;
  private readonly onBrand: Rgb;
  private readonly tint: Rgb;
  private readonly brandText: Rgb;
  private readonly pages: DrawOp[][] = [];
  private ops: DrawOp[] = [];
  private y = 0;
  private bottom = 0;
  private footerLines: DrawableText[] = [];
  /** Redraws the running table header after a page break. */
  private onNewPage: (() => void) | undefined;
  private readonly measured = new Map<string, number>();
  private readonly dates = new Map<string, string>();

  constructor(
    private readonly statement: Statement,
    private readonly profile: CompanyProfile,
    pageSize: PageSize,
    private readonly fonts: Readonly<Record<FontStyle, EmbeddedFont>>,
  ) {
    this.texts = textsFor(statement.locale);
    [this.width, this.height] = PAGE_SIZES[pageSize];
    this.brand = parseHexColor(profile.brandColor);
    // White on a dark brand colour, ink on a light one: the header row must stay readable.
    this.onBrand = luminance(this.brand) > 0.6 ? INK : WHITE;
    this.tint = mix(this.brand, WHITE, 0.07);
    // Titles in a light brand colour (yellow, pastel) would wash out on white: darken them towards ink.
    this.brandText = luminance(this.brand) > 0.6 ? mix(this.brand, INK, 0.45) : this.brand;
  }

  run(): StatementLayout {
    this.prepareFooter();
    this.startPage(true);
    this.companyAndClient();
    if (this.statement.sections.length === 0) this.paragraph(this.texts.nothingOpen, "statement", BODY, MUTED);
    const tables = this.statement.sections.map((section) => this.tableOf(section));
    const geometry = this.geometry(tables.filter((table) => table.rows.length > 0));
    this.statement.sections.forEach((section, i) => {
      this.section(section, tables[i], geometry);
    });
    this.lateMentions();
    this.finishFooters();
    return { width: this.width, height: this.height, pages: this.pages, used: this.drawnGlyphs(), title: this.title() };
  }

  /**
   * The code points each style really draws, read from the display list: the font subset and the font resources
   * follow what is on the pages, not what was measured (truncation candidates, empty fields).
   */
  private drawnGlyphs(): Record<FontStyle, Set<number>> {
    const used: Record<FontStyle, Set<number>> = { normal: new Set(), bold: new Set() };
    for (const ops of this.pages)
      for (const op of ops)
        if (op.op === "text") for (let i = 0; i < op.text.length; i++) used[op.style].add(op.text.charCodeAt(i));
    return used;
  }

  private title(): string {
    const s = this.statement;
    const kind = s.kind === "activity" ? this.texts.activityTitle : this.texts.outstandingTitle;
    return `${kind} — ${s.client.name} — ${this.date(s.asOf, "long")}`;
  }

  // --- text primitives -------------------------------------------------------------------------------------------

  /** The single entry point for strings: checked against the font (the subset is read from the drawn ops). */
  private check(text: string, style: FontStyle, field: string): DrawableText {
    return drawable(text, this.fonts[style], field);
  }

  private measure(text: DrawableText, style: FontStyle, size: number): number {
    // Table cells repeat (dates, currency suffixes): cache widths per style and string at 1 pt.
    const key = style === "bold" ? `b${text}` : `n${text}`;
    let width = this.measured.get(key);
    if (width === undefined) {
      width = textWidth(text, this.fonts[style], 1);
      this.measured.set(key, width);
    }
    return width * size;
  }

  private text(
    raw: string,
    x: number,
    y: number,
    options: {
      style?: FontStyle;
      size?: number;
      color?: Rgb;
      align?: Align;
      maxWidth?: number;
      /** An amount: too wide for maxWidth, it is drawn smaller, never cut. */
      shrink?: boolean;
      field: string;
    },
  ): number {
    const style = options.style ?? "normal";
    let size = options.size ?? BODY;
    let text = this.check(raw, style, options.field);
    // An empty field (a profile without a name) draws nothing: no text op, no font use.
    if (text.length === 0) return 0;
    let width = this.measure(text, style, size);
    if (options.shrink === true && options.maxWidth !== undefined && width > options.maxWidth) {
      size = Math.floor(((size * options.maxWidth) / width) * 100) / 100;
      width = this.measure(text, style, size);
    }
    if (options.maxWidth !== undefined && width > options.maxWidth) {
      text = this.truncate(text, style, size, options.maxWidth);
      width = this.measure(text, style, size);
    }
    const align = options.align ?? "left";
    const left = align === "left" ? x : align === "right" ? x - width : x - width / 2;
    this.ops.push({ op: "text", text, x: left, y, style, size, color: options.color ?? INK });
    return width;
  }

  private truncate(text: DrawableText, style: FontStyle, size: number, maxWidth: number): DrawableText {
    // Drawable text is all BMP (the repertoire has no astral characters), so code units are characters.
    for (let keep = text.length - 1; keep > 0; keep--) {
      const candidate = this.check(`${text.slice(0, keep).trimEnd()}…`, style, "text");
      if (this.measure(candidate, style, size) <= maxWidth) return candidate;
    }
    return this.check("…", style, "text");
  }

  private wrap(raw: string, style: FontStyle, size: number, maxWidth: number, field: string): DrawableText[] {
    const words = this.check(raw, style, field).split(" ");
    const lines: DrawableText[] = [];
    let line = "";
    for (const word of words) {
      const candidate = line === "" ? word : `${line} ${word}`;
      if (line !== "" && this.measure(candidate as DrawableText, style, size) > maxWidth) {
        lines.push(line as DrawableText);
        line = word;
      } else line = candidate;
    }
    if (line !== "") lines.push(line as DrawableText);
    return lines;
  }

  private paragraph(raw: string, field: string, size: number, color: Rgb): void {
    const lines = this.wrap(raw, "normal", size, this.width - 2 * MARGIN, field);
    for (const line of lines) {
      this.ensure(size * 1.45);
      this.ops.push({ op: "text", text: line, x: MARGIN, y: this.y + size, style: "normal", size, color });
      this.y += size * 1.45;
    }
  }

  private date(date: IsoDate, style: "short" | "long"): string {
    // Intl formatting is the costliest step per row and table dates repeat a lot.
    const key = `${style}${date}`;
    let text = this.dates.get(key);
    if (text === undefined) {
      text = formatCivilDate(date, this.statement.locale, style);
      this.dates.set(key, text);
    }
    return text;
  }

  private money(amount: Money): string {
    return formatMoney(amount, this.statement.locale);
  }

  // --- pages -----------------------------------------------------------------------------------------------------

  private startPage(first: boolean): void {
    this.ops = [];
    this.pages.push(this.ops);
    this.ops.push({ op: "rect", x: 0, y: 0, w: this.width, h: 6, fill: this.brand });
    this.bottom = this.height - MARGIN - this.footerLines.length * 9.5 - 14;
    if (first) {
      this.y = 30;
      return;
    }
    // Continuation pages: a one-line reminder of whose statement this is.
    const s = this.statement;
    const label = `${this.profile.name} · ${s.kind === "activity" ? this.texts.activityTitle : this.texts.outstandingTitle} · ${s.client.name} · ${this.date(s.asOf, "short")}`;
    this.text(label, MARGIN, 28, { size: 7.5, color: MUTED, field: "page header", maxWidth: this.width - 2 * MARGIN });
    this.y = 42;
    this.onNewPage?.();
  }

  private ensure(height: number): void {
    if (this.y + height > this.bottom) this.startPage(false);
  }

  private prepareFooter(): void {
    const p = this.profile;
    const t = this.texts;
    const identity = [
      p.name,
      // Printed as the user wrote it ("SIRET 912 345 678 00017", "Company No. 01234567"): the label is theirs.
      p.legalId,
      p.vatId !== undefined ? `${t.vatId} ${p.vatId}` : undefined,
      p.addressLines.join(", "),
    ].filter((part): part is string => part !== undefined && part !== "");
    const payment = [
      p.iban !== undefined ? `${t.iban} ${p.iban}` : undefined,
      p.bic !== undefined ? `${t.bic} ${p.bic}` : undefined,
      p.bankName,
    ].filter((part): part is string => part !== undefined && part !== "");
    const width = this.width - 2 * MARGIN - 70; // room for "page X / Y"
    this.footerLines = [
      ...this.wrap(identity.join(" · "), "normal", 7, width, "company identity"),
      ...(p.legalFooter !== undefined && p.legalFooter !== ""
        ? this.wrap(p.legalFooter, "normal", 7, width, "legal footer")
        : []),
      ...(payment.length > 0
        ? this.wrap(
            `${t.paymentDetails} : ${payment.join(" · ")}`.replace(" :", t.language === "fr" ? " :" : ":"),
            "normal",
            7,
            width,
            "payment details",
          )
        : []),
    ];
  }

  private finishFooters(): void {
    const total = this.pages.length;
    this.pages.forEach((ops, index) => {
      this.ops = ops;
      const top = this.height - MARGIN - this.footerLines.length * 9.5;
      this.ops.push({
        op: "line",
        x1: MARGIN,
        y1: top - 6,
        x2: this.width - MARGIN,
        y2: top - 6,
        color: RULE,
        width: 0.6,
      });
      this.footerLines.forEach((line, i) => {
        const bold = i === 0;
        this.ops.push({
          op: "text",
          text: line,
          x: MARGIN,
          y: top + 5 + i * 9.5,
          style: "normal",
          size: 7,
          color: bold ? INK : MUTED,
        });
      });
      this.text(this.texts.page(index + 1, total), this.width - MARGIN, top + 5, {
        size: 7.5,
        color: MUTED,
        align: "right",
        field: "page number",
      });
    });
  }

  // --- blocks ----------------------------------------------------------------------------------------------------

  private companyAndClient(): void {
    const p = this.profile;
    const s = this.statement;
    const right = this.width - MARGIN;
    let logoBottom = this.y;
    const logo = p.logo !== undefined && p.logo.widthPx > 0 && p.logo.heightPx > 0 ? p.logo : undefined;
    if (logo !== undefined) {
      // Fit in 150 × 48 pt keeping the aspect ratio.
      const scale = Math.min(150 / logo.widthPx, 48 / logo.heightPx);
      const w = logo.widthPx * scale;
      const h = logo.heightPx * scale;
      this.ops.push({ op: "image", image: logo, x: MARGIN, y: this.y, w, h });
      logoBottom = this.y + h;
    } else if (p.name.trim() !== "") {
      this.text(p.name, MARGIN, this.y + 16, {
        style: "bold",
        size: 16,
        color: this.brandText,
        field: "company name",
        maxWidth: 260,
      });
      logoBottom = this.y + 22;
    }
    let y = this.y + 9;
    // Without a logo the name is already the big heading on the left: the right column starts with the address.
    if (logo !== undefined && p.name.trim() !== "") {
      this.text(p.name, right, y, { style: "bold", size: 10, align: "right", field: "company name", maxWidth: 250 });
      y += 12;
    }
    for (const line of p.addressLines) {
      this.text(line, right, y, { size: 8, color: MUTED, align: "right", field: "company address", maxWidth: 250 });
      y += 10;
    }
    const contact = [p.email, p.phone].filter((part): part is string => part !== undefined && part !== "");
    if (contact.length > 0) {
      this.text(contact.join(" · "), right, y, {
        size: 8,
        color: MUTED,
        align: "right",
        field: "company contact",
        maxWidth: 250,
      });
      y += 10;
    }
    this.y = Math.max(logoBottom, y) + 26;

    // Title on the left, client box on the right.
    const top = this.y;
    const title = s.kind === "activity" ? this.texts.activityTitle : this.texts.outstandingTitle;
    // The title stays clear of the client box (English titles are long): smaller rather than under the box.
    const titleRoom = right - 220 - 14 - MARGIN;
    this.text(title, MARGIN, top + 18, {
      style: "bold",
      size: 19,
      color: this.brandText,
      field: "title",
      maxWidth: titleRoom,
      shrink: true,
    });
    const subtitle =
      s.kind === "activity" && s.period !== undefined
        ? this.texts.period(this.date(s.period.from, "long"), this.date(s.period.to, "long"))
        : this.texts.asOf(this.date(s.asOf, "long"));
    this.text(subtitle, MARGIN, top + 34, { size: 9.5, color: MUTED, field: "title" });

    const boxWidth = 220;
    const boxX = right - boxWidth;
    const emails = s.client.emails;
    // A long client name wraps on three lines at most; what still does not fit ends the third line with "…".
    const wrapped = this.wrap(s.client.name, "bold", 10.5, boxWidth - 20, "client name");
    const nameLines =
      wrapped.length <= 3
        ? wrapped
        : [
            ...wrapped.slice(0, 2),
            this.truncate(wrapped.slice(2).join(" ") as DrawableText, "bold", 10.5, boxWidth - 20),
          ];
    const nameExtra = (nameLines.length - 1) * 12.5;
    const boxHeight = 40 + nameExtra + emails.length * 10.5;
    this.ops.push({ op: "rect", x: boxX, y: top, w: boxWidth, h: boxHeight, fill: this.tint });
    this.ops.push({ op: "rect", x: boxX, y: top, w: 2.5, h: boxHeight, fill: this.brand });
    this.text(this.texts.client.toUpperCase(), boxX + 12, top + 13, {
      style: "bold",
      size: 7,
      color: MUTED,
      field: "client",
    });
    nameLines.forEach((line, i) => {
      this.text(line, boxX + 12, top + 27 + i * 12.5, {
        style: "bold",
        size: 10.5,
        field: "client name",
        maxWidth: boxWidth - 20,
      });
    });
    emails.forEach((email, i) => {
      this.text(email, boxX + 12, top + 39 + nameExtra + i * 10.5, {
        size: 8.5,
        color: MUTED,
        field: "client email",
        maxWidth: boxWidth - 20,
      });
    });
    this.y = top + Math.max(44, boxHeight) + 22;
  }

  private sectionHeading(section: StatementSection): void {
    this.ensure(60);
    this.text(this.texts.section(section.currency), MARGIN, this.y + 11, {
      style: "bold",
      size: 11.5,
      color: this.brandText,
      field: "section",
    });
    this.y += 20;
  }

  private section(section: StatementSection, table: TableSpec | undefined, geometry: TableGeometry | undefined): void {
    this.sectionHeading(section);
    if (table === undefined || geometry === undefined || table.rows.length === 0)
      this.paragraph(this.texts.nothingOpen, "statement", BODY, MUTED);
    else this.table(table, geometry);
    this.totals(section);
    this.ageing(section);
    this.y += 14;
  }

  private tableOf(section: StatementSection): TableSpec {
    return section.kind === "activity" ? this.activityTable(section) : this.outstandingTable(section.openItems);
  }

  /** The penalty column is on for every currency section when French mentions are, so the tables line up. */
  private withPenaltyColumn(): boolean {
    return (
      this.statement.frenchMentions !== undefined ||
      this.statement.sections.some((section) => section.openItems.some((line) => line.penalty !== undefined))
    );
  }

  private outstandingTable(lines: readonly OutstandingLine[]): TableSpec {
    const t = this.texts;
    const withPenalty = this.withPenaltyColumn();
    const columns: Column[] = [
      { title: t.number, weight: 22, align: "left", text: true },
      { title: t.issueDate, weight: 12.5, align: "left" },
      { title: t.dueDate, weight: 12.5, align: "left" },
      { title: t.amount, weight: 16, align: "right" },
      { title: t.open, weight: 16, align: "right" },
      { title: t.daysOverdue, weight: 11, align: "right" },
      ...(withPenalty ? [{ title: t.penalty, weight: 13, align: "right" as const }] : []),
    ];
    const rows: Row[] = lines.map((line) => {
      const overdue = line.daysOverdue > 0;
      const cells: Cell[] = [
        {
          text:
            line.kind === "credit-note"
              ? `${t.creditNote} ${line.number}`
              : line.kind === "payment"
                ? `${t.payment} ${line.number}`.trim()
                : line.number,
        },
        { text: this.date(line.issueDate, "short") },
        { text: this.date(line.dueDate, "short"), ...(overdue ? { color: [176, 42, 55] as const } : {}) },
        { text: this.money(line.original) },
        { text: this.money(line.open), style: "bold" },
        {
          text: overdue ? String(line.daysOverdue) : "—",
          ...(overdue ? { color: [176, 42, 55] as const } : { color: MUTED }),
        },
      ];
      if (withPenalty)
        cells.push(line.penalty !== undefined ? { text: this.money(line.penalty) } : { text: "—", color: MUTED });
      return cells;
    });
    return { columns, rows };
  }

  private activityTable(section: ActivitySection): TableSpec {
    const t = this.texts;
    const s = this.statement;
    const columns: Column[] = [
      { title: t.date, weight: 12, align: "left" },
      { title: t.reference, weight: 33, align: "left", text: true },
      { title: t.due, weight: 12, align: "left" },
      { title: t.debit, weight: 14.5, align: "right" },
      { title: t.credit, weight: 14.5, align: "right" },
      { title: t.balance, weight: 14, align: "right" },
    ];
    const from = s.period?.from ?? s.asOf;
    const rows: Row[] = [
      [
        { text: t.openingBalance(this.date(from, "short")), style: "bold" },
        { text: "" },
        { text: "" },
        { text: "" },
        { text: "" },
        { text: this.money(section.opening), style: "bold" },
      ],
    ];
    for (const line of section.lines) {
      const debit = line.amount.minor > 0;
      const label =
        line.kind === "payment"
          ? `${t.payment} ${line.reference}`
          : line.kind === "credit-note"
            ? `${t.creditNote} ${line.reference}`
            : line.reference;
      rows.push([
        line.dateUnknown ? { text: t.dateUnknown, color: MUTED } : { text: this.date(line.date, "short") },
        { text: label },
        { text: line.dueDate !== undefined ? this.date(line.dueDate, "short") : "" },
        { text: debit ? this.money(line.amount) : "" },
        { text: debit ? "" : this.money(negate(line.amount)) },
        { text: this.money(line.balance), style: "bold" },
      ]);
    }
    rows.push([
      { text: t.closingBalance(this.date(s.asOf, "short")), style: "bold" },
      { text: "" },
      { text: "" },
      { text: "" },
      { text: "" },
      { text: this.money(section.closing), style: "bold" },
    ]);
    return { columns, rows, spanFirst: new Set([0, rows.length - 1]) };
  }

  /** Narrowest width that holds a header title in two lines at most (titles wrap between words, never inside). */
  private headerWidth(title: string): number {
    const words = this.check(title, "bold", "table header").split(" ");
    const width = (part: readonly string[]): number =>
      this.measure(part.join(" ") as DrawableText, "bold", HEADER_SIZE);
    let best = width(words);
    for (let k = 1; k < words.length; k++)
      best = Math.min(best, Math.max(width(words.slice(0, k)), width(words.slice(k))));
    return best;
  }

  /**
   * Column widths from the content of every table of the statement (so the currency sections line up): each column
   * gets its widest cell (font metrics) or its header; what is left is shared out by weight, and a column wider than
   * its share takes the room from the columns that have some to spare. Only when the cells cannot fit side by side
   * does the table's text shrink (down to MIN_BODY), and only below that are the text columns cut.
   */
  private geometry(tables: readonly TableSpec[]): TableGeometry | undefined {
    const columns = tables[0]?.columns;
    if (columns === undefined) return undefined;
    const tableWidth = this.width - 2 * MARGIN;
    const content = columns.map(() => 0); // widest cell at 1 pt
    let spanned = 0;
    for (const table of tables)
      table.rows.forEach((row, r) => {
        const span = table.spanFirst?.has(r) === true;
        row.forEach((cell, i) => {
          if (cell.text === "") return;
          const style = cell.style ?? "normal";
          const width = this.measure(this.check(cell.text, style, "table cell"), style, 1);
          if (span && i === 0) spanned = Math.max(spanned, width);
          else content[i] = Math.max(content[i] ?? 0, width);
        });
      });
    const header = columns.map((c) => this.headerWidth(c.title));
    const need = (size: number): number[] => {
      const widths = columns.map((_, i) => Math.max((content[i] ?? 0) * size, header[i] ?? 0) + 2 * PAD + 0.5);
      // A label spanning the first three columns (opening/closing balance) widens the text column if it must.
      const spanNeed = spanned * size + 2 * PAD + 0.5 - widths.slice(0, 3).reduce((a, b) => a + b, 0);
      if (spanned > 0 && spanNeed > 0) {
        const flexible = columns.slice(0, 3).findIndex((c) => c.text === true);
        const at = flexible < 0 ? 0 : flexible;
        widths[at] = (widths[at] ?? 0) + spanNeed;
      }
      return widths;
    };
    const total = (widths: readonly number[]): number => widths.reduce((a, b) => a + b, 0);
    let size = BODY;
    while (size > MIN_BODY && total(need(size)) > tableWidth) size = Math.round((size - 0.25) * 100) / 100;
    const needed = need(size);
    const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
    const shares = columns.map((c) => (c.weight / totalWeight) * tableWidth);
    let widths: number[];
    if (total(needed) <= tableWidth) {
      const deficit = shares.reduce((sum, share, i) => sum + Math.max(0, (needed[i] ?? 0) - share), 0);
      const surplus = shares.map((share, i) => Math.max(0, share - (needed[i] ?? 0)));
      const spare = total(surplus);
      widths = shares.map((share, i) =>
        share < (needed[i] ?? 0) ? (needed[i] ?? 0) : share - (spare > 0 ? ((surplus[i] ?? 0) * deficit) / spare : 0),
      );
    } else {
      // Last resort: numbers and dates keep their room, the text columns share what is left and cut with "…".
      const fixed = total(needed.filter((_, i) => columns[i]?.text !== true));
      const flexWeight = columns.reduce((sum, c) => sum + (c.text === true ? c.weight : 0), 0);
      widths = columns.map((c, i) =>
        c.text === true ? (Math.max(0, tableWidth - fixed) * c.weight) / flexWeight : (needed[i] ?? 0),
      );
    }
    return { widths, size };
  }

  /** A table whose header repeats at the top of every page it runs onto. */
  private table(spec: TableSpec, geometry: TableGeometry): void {
    const { columns, rows } = spec;
    const { widths, size } = geometry;
    const tableWidth = this.width - 2 * MARGIN;
    const lefts: number[] = [];
    let x = MARGIN;
    for (const w of widths) {
      lefts.push(x);
      x += w;
    }
    const pad = PAD;
    // Header titles wrap to two lines rather than being cut ("Jours de retard" in a narrow column).
    const titles = columns.map((c, i) =>
      this.wrap(c.title, "bold", HEADER_SIZE, (widths[i] ?? 0) - 2 * pad, "table header").slice(0, 2),
    );
    const headerHeight = ROW + 3 + (Math.max(...titles.map((t) => t.length)) - 1) * 9;
    const header = (): void => {
      this.ops.push({ op: "rect", x: MARGIN, y: this.y, w: tableWidth, h: headerHeight, fill: this.brand });
      columns.forEach((c, i) => {
        const cx = c.align === "right" ? (lefts[i] ?? 0) + (widths[i] ?? 0) - pad : (lefts[i] ?? 0) + pad;
        (titles[i] ?? []).forEach((line, k) => {
          this.text(line, cx, this.y + 11.5 + k * 9, {
            style: "bold",
            size: HEADER_SIZE,
            color: this.onBrand,
            align: c.align,
            field: "table header",
            maxWidth: (widths[i] ?? 0) - 2 * pad + 0.5,
          });
        });
      });
      this.y += headerHeight;
    };
    this.ensure(ROW * 3 + headerHeight);
    header();
    this.onNewPage = header;
    rows.forEach((row, r) => {
      this.ensure(ROW);
      if (r % 2 === 1) this.ops.push({ op: "rect", x: MARGIN, y: this.y, w: tableWidth, h: ROW, fill: ZEBRA });
      const span = spec.spanFirst?.has(r) === true;
      row.forEach((cell, i) => {
        if (cell.text === "") return;
        const c = columns[i];
        if (c === undefined) return;
        const width = span && i === 0 ? (widths[0] ?? 0) + (widths[1] ?? 0) + (widths[2] ?? 0) : (widths[i] ?? 0);
        const cx = c.align === "right" ? (lefts[i] ?? 0) + (widths[i] ?? 0) - pad : (lefts[i] ?? 0) + pad;
        this.text(cell.text, cx, this.y + 10.3, {
          style: cell.style ?? "normal",
          size,
          color: cell.color ?? INK,
          align: c.align,
          field: `table cell "${c.title}"`,
          maxWidth: width - 2 * pad + 0.5,
        });
      });
      this.y += ROW;
    });
    this.ops.push({
      op: "line",
      x1: MARGIN,
      y1: this.y,
      x2: MARGIN + tableWidth,
      y2: this.y,
      color: this.brand,
      width: 0.8,
    });
    this.onNewPage = undefined;
    this.y += 8;
  }

  private totals(section: StatementSection): void {
    const t = this.texts;
    const entries: [string, string, boolean][] = [
      [t.openTotal, this.money(section.openTotal), true],
      [t.overdueTotal(section.overdueCount), this.money(section.overdueTotal), false],
    ];
    // Credits explain a total below the overdue part (bands + credits = open total): shown whenever there are some.
    if (section.creditsTotal.minor !== 0) entries.push([t.creditsTotal, this.money(section.creditsTotal), false]);
    // Zero penalties or indemnities say nothing the mentions below do not: only amounts actually claimed are listed.
    if (section.penaltiesTotal !== undefined && section.penaltiesTotal.minor !== 0)
      entries.push([t.penaltiesTotal, this.money(section.penaltiesTotal), false]);
    if (section.indemnitiesTotal !== undefined && section.indemnitiesTotal.minor !== 0)
      entries.push([t.indemnitiesTotal, this.money(section.indemnitiesTotal), false]);
    this.ensure(entries.length * 14 + 6);
    const right = this.width - MARGIN - 5;
    // The value column is as wide as the widest amount (a huge total must not run into its label).
    const valueWidth = Math.max(
      90,
      ...entries.map(([, value]) => this.measure(this.check(value, "bold", "totals"), "bold", 9.5)),
    );
    for (const [label, value, strong] of entries) {
      this.text(label, right - valueWidth - 20, this.y + 10, {
        style: strong ? "bold" : "normal",
        size: strong ? 9.5 : BODY,
        color: strong ? INK : MUTED,
        align: "right",
        field: "totals",
      });
      this.text(value, right, this.y + 10, {
        style: "bold",
        size: strong ? 9.5 : BODY,
        color: strong ? INK : MUTED,
        align: "right",
        field: "totals",
      });
      this.y += 14;
    }
    this.y += 6;
  }

  private ageing(section: StatementSection): void {
    if (section.ageing.length === 0) return;
    this.ensure(48);
    this.text(this.texts.ageing, MARGIN, this.y + 9, { style: "bold", size: 8.5, color: MUTED, field: "ageing" });
    this.y += 14;
    const width = (this.width - 2 * MARGIN) / section.ageing.length;
    section.ageing.forEach((band, i) => {
      const x = MARGIN + i * width;
      const hasAmount = band.amount.minor !== 0;
      this.ops.push({ op: "rect", x: x + 1, y: this.y, w: width - 2, h: 30, fill: hasAmount ? this.tint : ZEBRA });
      this.text(this.texts.band(band), x + width / 2, this.y + 11, {
        size: 7.5,
        color: MUTED,
        align: "center",
        field: "ageing band",
        maxWidth: width - 8,
      });
      this.text(this.money(band.amount), x + width / 2, this.y + 24, {
        style: "bold",
        size: 9,
        color: hasAmount ? INK : MUTED,
        align: "center",
        field: "ageing band",
        maxWidth: width - 8,
        shrink: true,
      });
    });
    this.y += 36;
  }

  private lateMentions(): void {
    const mentions = this.statement.frenchMentions;
    if (mentions === undefined) return;
    const locale = this.statement.locale;
    const text = this.texts.lateMentions(
      formatRate(mentions.penaltyRatePercent, locale),
      formatWholeMoney(mentions.indemnity, locale),
    );
    this.y += 4;
    this.ensure(30);
    this.ops.push({ op: "line", x1: MARGIN, y1: this.y, x2: MARGIN + 60, y2: this.y, color: this.brand, width: 1.2 });
    this.y += 6;
    this.paragraph(text, "French late-payment mentions", 7.5, MUTED);
  }
}
