/** LocalFiles in the pane's IndexedDB: the ledger files and the logo (too big for roamingSettings' 32 KB). */
import type { InputFile } from "../../../shared/src/ledger/import/index.js";
import type { LocalFiles } from "../taskpane/host.js";

const DB_NAME = "releve-outlook";
const STORE = "files";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error("IndexedDB request failed"));
    };
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore(STORE);
  };
  return request(req);
}

export class IndexedDbFiles implements LocalFiles {
  private readonly db: Promise<IDBDatabase>;

  constructor(factory: IDBFactory) {
    this.db = open(factory);
  }

  private async get(key: string): Promise<unknown> {
    const db = await this.db;
    return request(db.transaction(STORE, "readonly").objectStore(STORE).get(key));
  }

  private async put(key: string, value: unknown): Promise<void> {
    const db = await this.db;
    const store = db.transaction(STORE, "readwrite").objectStore(STORE);
    if (value === undefined) await request(store.delete(key));
    else await request(store.put(value, key));
  }

  async loadLedger(): Promise<readonly InputFile[] | undefined> {
    const value = await this.get("ledger");
    if (!Array.isArray(value)) return undefined;
    return value.filter(
      (entry): entry is InputFile =>
        typeof entry === "object" &&
        entry !== null &&
        typeof (entry as InputFile).name === "string" &&
        (entry as InputFile).bytes instanceof Uint8Array,
    );
  }

  saveLedger(files: readonly InputFile[]): Promise<void> {
    return this.put(
      "ledger",
      files.map((f) => ({ name: f.name, bytes: f.bytes })),
    );
  }

  async loadLogo(): Promise<Uint8Array | undefined> {
    const value = await this.get("logo");
    return value instanceof Uint8Array ? value : undefined;
  }

  saveLogo(bytes: Uint8Array | undefined): Promise<void> {
    return this.put("logo", bytes);
  }
}
