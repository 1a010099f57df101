/**
 * A CardService that records the card tree instead of drawing it. Every builder is a recorder: `setX(v)` stores
 * props.X, `addX(...)` appends a child; `build()` returns the node. Enum members are their own names.
 */
export interface CardNode {
  readonly kind: string;
  readonly props: Record<string, unknown>;
  readonly children: { readonly via: string; readonly args: readonly unknown[] }[];
}

const NODE = Symbol("node");

function isRecorder(value: unknown): value is { [NODE]: CardNode } {
  return typeof value === "object" && value !== null && NODE in value;
}

function unwrap(value: unknown): unknown {
  return isRecorder(value) ? value[NODE] : value;
}

function recorder(kind: string): unknown {
  const node: CardNode = { kind, props: {}, children: [] };
  const proxy: unknown = new Proxy(
    {},
    {
      has: (_target, key) => key === NODE,
      get(_target, key) {
        if (key === NODE) return node;
        if (key === "build") return () => node;
        if (typeof key !== "string") return undefined;
        if (key.startsWith("set"))
          return (...args: unknown[]) => {
            node.props[key.slice(3, 4).toLowerCase() + key.slice(4)] =
              args.length === 1 ? unwrap(args[0]) : args.map(unwrap);
            return proxy;
          };
        if (key.startsWith("add"))
          return (...args: unknown[]) => {
            node.children.push({ via: key.slice(3), args: args.map(unwrap) });
            return proxy;
          };
        // Navigation.updateCard / pushCard / popCard …
        return (...args: unknown[]) => {
          node.children.push({ via: key, args: args.map(unwrap) });
          return proxy;
        };
      },
    },
  );
  return proxy;
}

export function fakeCardService(): GoogleAppsScript.Card_Service.CardService {
  const enumProxy = (name: string) => new Proxy({}, { get: (_t, key) => `${name}.${String(key)}` });
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== "string") return undefined;
        if (key.startsWith("new")) return () => recorder(key.slice(3));
        return enumProxy(key);
      },
    },
  ) as GoogleAppsScript.Card_Service.CardService;
}

/** Every node below `root` (children's args that are nodes, and node-valued props). */
export function walk(root: unknown): CardNode[] {
  const out: CardNode[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== "object" || value === null || !("kind" in value) || !("children" in value)) return;
    const node = value as CardNode;
    out.push(node);
    Object.values(node.props).forEach(visit);
    for (const child of node.children) child.args.forEach(visit);
  };
  visit(root);
  return out;
}

export function texts(root: unknown): string[] {
  return walk(root).flatMap((node) =>
    ["text", "topLabel", "bottomLabel", "title", "header"]
      .map((prop) => node.props[prop])
      .filter((value): value is string => typeof value === "string"),
  );
}

export interface ActionRef {
  readonly functionName: string;
  readonly parameters: Record<string, string>;
}

/** The onClick action of the button whose text is `label` (the `index`-th such button). */
export function buttonAction(root: unknown, label: string, index = 0): ActionRef {
  const buttons = walk(root).filter((node) => node.kind === "TextButton" && node.props.text === label);
  const button = buttons[index];
  if (button === undefined) throw new Error(`no "${label}" button #${index} (found ${buttons.length})`);
  const composeAction = button.props.composeAction as unknown[] | undefined;
  const action = (button.props.onClickAction ?? composeAction?.[0]) as CardNode;
  return {
    functionName: action.props.functionName as string,
    parameters: (action.props.parameters as Record<string, string> | undefined) ?? {},
  };
}

/** The text of the notification an action response carries ("" when none). */
export function notificationOf(response: unknown): string {
  return (walk(response).find((n) => n.kind === "Notification")?.props.text as string | undefined) ?? "";
}

/** The card an action response puts in place of the current one (Navigation.updateCard), or pushes. */
export function navigatedCard(response: unknown, via: "updateCard" | "pushCard" = "updateCard"): CardNode | undefined {
  const navigation = walk(response).find((n) => n.kind === "Navigation");
  return navigation?.children.find((child) => child.via === via)?.args[0] as CardNode | undefined;
}
