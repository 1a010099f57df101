/** Outlook's officeTheme → light or dark Fluent theme (Office gives colours, not a name). */
export function isDark(theme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme?.bodyBackgroundColor ?? "");
  if (match === null) return false;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
