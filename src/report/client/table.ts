import { button, freshId, h, type Child } from "./dom.js";
import { number } from "./format.js";

/** One column of a {@link dataTable}. */
export interface Column<R> {
  label: string;
  /** The value the column sorts on and, without `show`, shows; null sorts last in either direction. */
  value: (row: R) => string | number | null;
  /** What the cell shows, when not the value itself. */
  show?: (row: R) => Child;
  numeric?: boolean;
  /** A class for the cell (colour buckets are classes: the page allows no inline style). */
  cellClass?: (row: R) => string | undefined;
}

/** What {@link dataTable} shows. */
export interface TableOptions<R> {
  caption: string;
  columns: Column<R>[];
  rows: readonly R[];
  /** Rows per page (default 20). */
  pageSize?: number;
  /** The column sorted on at first, and its direction; default: the rows' own order. */
  sort?: { column: number; descending?: boolean };
  /** What the table says when it has no row. */
  empty?: string;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Compares two values, nulls last whatever the direction. */
function compare(a: string | number | null, b: string | number | null, sign: number): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  if (typeof a === "number" && typeof b === "number") return sign * (a - b);
  return sign * collator.compare(String(a), String(b));
}

type Sort = { column: number; descending: boolean };

/**
 * A table that sorts on any column (header buttons, `aria-sort`), filters on text and shows one page at a time, so
 * tables of tens of thousands of rows stay quick: only the page shown is in the document.
 */
export function dataTable<R>(o: TableOptions<R>): HTMLElement {
  const pageSize = o.pageSize ?? 20;
  const { columns, rows } = o;
  let order = rows.map((_, i) => i);
  let page = 0;
  let sorted: Sort | null = o.sort ? { column: o.sort.column, descending: o.sort.descending ?? false } : null;
  let query = "";
  let texts: string[] | undefined;

  const tbody = h("tbody");
  const status = h("p", { class: "table-status", "aria-live": "polite" });
  const headers = columns.map((c, k) => h("th", { scope: "col", class: c.numeric ? "num" : undefined }, button(h("span", {}, c.label), () => sortBy(k), { class: "sort" })));
  const previous = button("Previous page", () => go(page - 1), { class: "page" });
  const next = button("Next page", () => go(page + 1), { class: "page" });
  const pages = h("span", { class: "pages" });

  function apply(): void {
    const text = query.trim().toLowerCase();
    if (text && !texts) texts = rows.map((r) => columns.map((c) => String(c.value(r) ?? "")).join(" ").toLowerCase());
    order = rowOrder(o, text ? texts! : null, text, sorted);
    headers.forEach((th, k) => th.setAttribute("aria-sort", sorted?.column === k ? (sorted.descending ? "descending" : "ascending") : "none"));
    go(0);
  }

  function sortBy(k: number): void {
    const descending = sorted?.column === k ? !sorted.descending : columns[k]!.numeric === true;
    sorted = { column: k, descending };
    apply();
  }

  function go(to: number): void {
    const count = Math.max(1, Math.ceil(order.length / pageSize));
    page = Math.min(Math.max(0, to), count - 1);
    const first = page * pageSize;
    const shown = order.slice(first, first + pageSize).map((i) => rows[i]!);
    tbody.replaceChildren(...(shown.length === 0 ? [h("tr", {}, h("td", { colspan: columns.length }, o.empty ?? "No rows."))] : shown.map((r) => renderRow(columns, r))));
    previous.disabled = page === 0;
    next.disabled = page >= count - 1;
    pages.textContent = `Page ${number(page + 1)} of ${number(count)}`;
    status.textContent = statusText(columns, { first, shown: shown.length, matching: order.length, query, sorted });
  }

  const table = h("table", {}, h("caption", {}, o.caption), h("thead", {}, h("tr", {}, ...headers)), tbody);
  const filter = rows.length > pageSize ? filterControl((value) => {
        query = value;
        apply();
      }) : null;
  apply();
  return h(
    "div",
    { class: "table-block" },
    filter,
    h("div", { class: "table-scroll" }, table),
    h("div", { class: "table-foot" }, status, rows.length > pageSize ? h("div", { class: "pager" }, previous, pages, next) : null),
  );
}

/** The rows' indexes that match `text` (in `texts`, one lower-case line per row), in the order `sorted` asks for. */
function rowOrder<R>(o: TableOptions<R>, texts: string[] | null, text: string, sorted: Sort | null): number[] {
  const order = o.rows.map((_, i) => i).filter((i) => !texts || texts[i]!.includes(text));
  if (sorted) {
    const c = o.columns[sorted.column]!;
    const keys = o.rows.map((r) => c.value(r));
    const sign = sorted.descending ? -1 : 1;
    order.sort((a, b) => compare(keys[a]!, keys[b]!, sign) || a - b);
  }
  return order;
}

function renderRow<R>(columns: Column<R>[], r: R): HTMLTableRowElement {
  return h(
    "tr",
    {},
    ...columns.map((c, k) => {
      const cls = [c.numeric ? "num" : "", c.cellClass?.(r) ?? ""].join(" ").trim();
      return h(k === 0 ? "th" : "td", { scope: k === 0 ? "row" : undefined, class: cls || undefined }, c.show ? c.show(r) : (c.value(r) ?? ""));
    }),
  );
}

/** What the status line says about the page shown, the filter and the sort. */
function statusText<R>(columns: Column<R>[], at: { first: number; shown: number; matching: number; query: string; sorted: Sort | null }): string {
  const { first, shown, matching, query, sorted } = at;
  const sortText = sorted ? `, sorted by ${columns[sorted.column]!.label} (${sorted.descending ? "descending" : "ascending"})` : "";
  return matching === 0 ? `No rows${query ? " match the filter" : ""}.` : `Rows ${number(first + 1)}–${number(first + shown)} of ${number(matching)}${query ? ` matching "${query}"` : ""}${sortText}.`;
}

/** The filter box, calling `onInput` with its text on every change. */
function filterControl(onInput: (value: string) => void): HTMLElement {
  const id = freshId("filter");
  const input = h("input", { id, type: "search", autocomplete: "off" });
  input.addEventListener("input", () => onInput(input.value));
  return h("div", { class: "table-controls" }, h("label", { for: id }, "Filter rows "), input);
}
