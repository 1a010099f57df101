/** Plain-text tables for the terminal: columns sized to content, numbers right-aligned. */

export interface Column {
  readonly title: string;
  readonly align?: "left" | "right";
}

/** Width in terminal cells: combining marks take none (NFC first), East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (/\p{M}/u.test(char)) continue;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xff00 && code <= 0xff60)
        ? 2
        : 1;
  }
  return width;
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.title), ...rows.map((row) => displayWidth(row[index] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, index) => {
        const pad = " ".repeat(Math.max(0, (widths[index] ?? 0) - displayWidth(cell)));
        return columns[index]?.align === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [
    line(columns.map((column) => column.title)),
    line(widths.map((width) => "─".repeat(width))),
    ...rows.map(line),
  ].join("\n");
}
