/**
 * manifest.xml against the Office add-in manifest XSDs in ../shared/schemas (xmllint from Debian libxml2-utils,
 * installed by scripts/system-packages.sh), plus the facts the issue asks of it that a schema cannot check.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const schema = resolve(root, "../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");
const manifestPath = join(root, "manifest.xml");
const manifest = readFileSync(manifestPath, "utf8");

function validate(path: string): { ok: boolean; output: string } {
  try {
    execFileSync("xmllint", ["--noout", "--schema", schema, path], { encoding: "utf8", stdio: "pipe" });
    return { ok: true, output: "" };
  } catch (error) {
    const failed = error as { stderr?: string };
    return { ok: false, output: failed.stderr ?? String(error) };
  }
}

function variant(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "releve-manifest-")), "manifest.xml");
  writeFileSync(path, text);
  return path;
}

describe("manifest.xml", () => {
  it("validates against OfficeAppManifestV1_1.xsd and the VersionOverrides schemas", () => {
    const result = validate(manifestPath);
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });

  it("is rejected when broken (the validation can fail)", () => {
    const bad = validate(
      variant(manifest.replace("<Permissions>ReadWriteItem</Permissions>", "<Permissions>Everything</Permissions>")),
    );
    expect(bad.ok).toBe(false);
    expect(bad.output).toMatch(/Permissions/);
    const badOverride = validate(variant(manifest.replace('xsi:type="ShowTaskpane"', 'xsi:type="OpenTheDoor"')));
    expect(badOverride.ok).toBe(false);
  });

  it("asks for Mailbox 1.8 and ReadWriteItem, with a compose button opening the task pane", () => {
    expect(manifest).toMatch(/<Set Name="Mailbox" MinVersion="1\.8"\/>/);
    expect(manifest).toContain("<Permissions>ReadWriteItem</Permissions>");
    expect(manifest).toContain('xsi:type="VersionOverridesV1_0"');
    expect(manifest).toContain('xsi:type="VersionOverridesV1_1"');
    expect(manifest.match(/xsi:type="MessageComposeCommandSurface"/g)).toHaveLength(2);
    expect(manifest.match(/<Action xsi:type="ShowTaskpane">/g)).toHaveLength(4);
    expect(manifest).toContain('DefaultValue="Attach this month\'s statement"');
  });

  it("has a read-mode button opening the pane on Scheduled sends, in both VersionOverrides", () => {
    const readPoints = [
      ...manifest.matchAll(/<ExtensionPoint xsi:type="MessageReadCommandSurface">([\s\S]*?)<\/ExtensionPoint>/g),
    ];
    expect(readPoints).toHaveLength(2);
    for (const point of readPoints) {
      expect(point[1]).toContain('<Label resid="ScheduledLabel"/>');
      expect(point[1]).toContain('<SourceLocation resid="ScheduledUrl"/>');
    }
    expect(
      manifest.match(/<bt:Url id="ScheduledUrl" DefaultValue="[^"]*taskpane\.html\?view=scheduled"\/>/g),
    ).toHaveLength(2);
    expect(manifest).toContain('<Rule xsi:type="ItemIs" ItemType="Message" FormType="Read"/>');
    expect(manifest).toMatch(/<Form xsi:type="ItemRead">/);
  });

  it("has French strings for every visible label, and icons that exist", () => {
    for (const id of ["GroupLabel", "AttachLabel", "AttachTip", "ScheduledLabel", "ScheduledTip"]) {
      const blocks = [...manifest.matchAll(new RegExp(`<bt:String id="${id}"[^>]*>([\\s\\S]*?)</bt:String>`, "g"))];
      expect(blocks).toHaveLength(2);
      for (const block of blocks) expect(block[1]).toMatch(/<bt:Override Locale="fr-FR" Value="[^"]+"\/>/);
    }
    expect(manifest).toMatch(/<DisplayName[^>]*>\s*<Override Locale="fr-FR"/);
    expect(manifest).toMatch(/<Description[^>]*>\s*<Override Locale="fr-FR"/);
    for (const match of manifest.matchAll(/https:\/\/localhost:3000\/assets\/(icon-\d+\.png)/g)) {
      const png = readFileSync(join(root, "outlook-addin/assets", match[1]!));
      expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    }
  });
});
