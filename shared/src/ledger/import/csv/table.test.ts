import { detectDelimiter, isBlankRow, MAX_FIELD_CHARS, parseCsvTable } from "./table.js";

describe("detectDelimiter", () => {
  it.each([
    ["N° facture;Client;Montant", ";"],
    ["Invoice Number,Customer,Total", ","],
    ["Invoice\tCustomer\tTotal", "\t"],
    ['"Client; SARL",Total,Currency', ","], // separators inside quotes do not count
    ["just one header", undefined],
  ])("%j → %j", (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe("parseCsvTable", () => {
  it("keeps the physical line of each row across quoted multi-line fields and CRLF", () => {
    const text = [
      "Number;Client;Note",
      'F-1;"Atelier\r\nLumière";a',
      'F-2;"Boulangerie ""Le Four""";"two\r\nline\r\nnote"',
      "F-3;Studio;c",
      "",
    ].join("\r\n");
    const { table, problems } = parseCsvTable("t.csv", text);
    expect(problems).toEqual([]);
    expect(table?.header).toEqual(["Number", "Client", "Note"]);
    expect(table?.headerLine).toBe(1);
    const rows = table?.rows.filter((row) => !isBlankRow(row)) ?? [];
    expect(rows.map((row) => [row.line, row.cells[0], row.cells[1]])).toEqual([
      [2, "F-1", "Atelier\r\nLumière"],
      [4, "F-2", 'Boulangerie "Le Four"'],
      [7, "F-3", "Studio"],
    ]);
  });

  it("reads a file whose lines mix CRLF and LF (a row appended in another editor) row by row", () => {
    const text = "\ufeffDate;Facture;Montant\r\n28/07/2026;F-1;1,00\r\n15/09/2026;F-2;2,00\n18/11/2026;F-3;3,00\n";
    const { table, problems } = parseCsvTable("paiements.csv", text.replace(/^\ufeff/, ""));
    expect(problems).toEqual([]);
    expect(table?.rows.map((r) => [r.line, r.cells.join("|")])).toEqual([
      [2, "28/07/2026|F-1|1,00"],
      [3, "15/09/2026|F-2|2,00"],
      [4, "18/11/2026|F-3|3,00"],
      [5, ""],
    ]);
    // Old Mac line breaks (CR alone) mixed in too.
    const mac = parseCsvTable("x.csv", "A;B\r1;2\r\n3;4\n");
    expect(mac.table?.rows.map((r) => r.cells.join("|")).filter((c) => c !== "")).toEqual(["1|2", "3|4"]);
  });

  it("starts at the first non-empty line, and counts the lines before it", () => {
    const { table } = parseCsvTable("t.csv", "\n\nNumber,Total\nF-1,10.00\n");
    expect(table?.headerLine).toBe(3);
    expect(table?.rows[0]?.line).toBe(4);
  });

  it("an unclosed quote is an error at the line where its row starts", () => {
    const { problems } = parseCsvTable("t.csv", 'Number;Client\nF-1;A\nF-2;"Boulangerie\nF-3;C\n');
    expect(
      problems.some((p) => p.severity === "error" && p.location.line === 3 && /never closed/.test(p.message)),
    ).toBe(true);
  });

  it("a field over the limit is an error with its line and column", () => {
    const { problems } = parseCsvTable("t.csv", `Number;Client\nF-1;${"x".repeat(MAX_FIELD_CHARS + 1)}\n`);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "csv.field-too-long",
        location: { file: "t.csv", line: 2, column: 2 },
      }),
    ]);
  });

  it("an empty or blank file is an error; a header without separator too", () => {
    expect(parseCsvTable("t.csv", "").problems[0]?.message).toBe("the file is empty");
    expect(parseCsvTable("t.csv", "  \r\n\r\n").problems[0]?.code).toBe("csv.empty");
    expect(parseCsvTable("t.csv", "hello\nworld\n").problems[0]).toMatchObject({
      code: "csv.delimiter",
      location: { line: 1 },
    });
  });

  it("blank rows (trailing lines, ';;;;') are recognised", () => {
    const { table } = parseCsvTable("t.csv", "A;B;C\n;;\n  ; ;\n");
    expect(table?.rows.filter(isBlankRow)).toHaveLength(table?.rows.length ?? -1);
  });
});
