// Conformance: every vector in ../shared/vectors/rrule (python-dateutil oracle and RFC 7529 SKIP), read in place.
import { readFileSync } from "node:fs";
import { referencePath } from "../../../test/reference.js";
import { all } from "./collect.js";
import { formatInstant } from "./instant.js";
import { formatLocalIso } from "./local-date-time.js";
import { parseRule } from "./parse.js";

interface Vector {
  readonly id: string;
  readonly text: string;
  readonly limit: number;
  readonly expected: readonly string[];
  readonly expected_local?: readonly string[];
}

function loadVectors(file: string): Vector[] {
  const data = JSON.parse(readFileSync(referencePath("vectors", "rrule", file), "utf8")) as { vectors: Vector[] };
  return data.vectors;
}

/** Runs one vector: the first `limit` occurrences as the vector spells them (UTC "Z" or floating local). */
export function runVector(vector: Vector): { expected: string[]; local: string[] } {
  const parsed = parseRule(vector.text, vector.id);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  const occurrences = all(parsed.value, { limit: vector.limit });
  const floating = parsed.value.start.basis.kind === "floating";
  return {
    expected: occurrences.map((o) => (floating ? formatLocalIso(o.local) : formatInstant(o.instant))),
    local: occurrences.map((o) => formatLocalIso(o.local)),
  };
}

describe.each(["dateutil-generated.json", "rfc7529-skip.json"])("conformance vectors in %s", (file) => {
  const vectors = loadVectors(file);

  it("are all present (the suite never passes empty)", () => {
    expect(vectors.length).toBeGreaterThan(0);
  });

  it.each(vectors.map((vector) => [vector.id, vector] as const))("%s gives the oracle's occurrences", (_id, vector) => {
    const result = runVector(vector);
    expect(result.expected).toEqual(vector.expected);
    if (vector.expected_local !== undefined) expect(result.local).toEqual(vector.expected_local);
  });
});
