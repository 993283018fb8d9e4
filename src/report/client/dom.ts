/** A child of {@link h}: a node, text, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes of {@link h}: `class`, ARIA and other attributes as text, `on*` as event listeners; never `style`. */
export type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

function apply(element: Element, props: Props | undefined, children: Child[]): void {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function") element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "object" ? child : String(child));
  }
}

/** An HTML element with attributes and children. The page's content security policy forbids `style` attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, props, children);
  return element;
}

/** An SVG element with attributes and children. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, props?: Props, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  apply(element, props, children);
  return element;
}

/** A button that runs `action` when pressed. */
export function button(label: Child, action: () => void, props: Props = {}): HTMLButtonElement {
  return h("button", { type: "button", ...props, onclick: () => action() }, label);
}

let ids = 0;
/** A fresh element id with a readable prefix. */
export function freshId(prefix: string): string {
  return `${prefix}-${++ids}`;
}

/** A titled block inside a section: a heading, a short note and its content. */
export function block(title: string, note: Child, ...content: Child[]): HTMLElement {
  return h("div", { class: "block" }, h("h3", {}, title), note ? h("p", { class: "note" }, note) : null, ...content);
}
