/**
 * Colours safe for colour-blind readers: the categorical palette of Okabe & Ito (2008), "Color Universal Design",
 * and for shares viridis (van der Walt & Smith 2015, matplotlib's default map), perceptually uniform and readable
 * with the common colour-vision deficiencies, dark purple for 0 and yellow for 1. Colour never carries meaning
 * alone: labels, legends and tables say it in words.
 */
export const COLORS = {
  department: "#0072B2",
  duplicated: "#D55E00",
  fragmented: "#E69F00",
  function: "#8C8C8C",
  point: "#000000",
  faded: "#E2E2E2",
  edge: "#C8C8C8",
  sharedEdge: "#E69F00",
  selected: "#CC79A7",
  noData: "#BBBBBB",
} as const;

/** Viridis at eleven stops from 0 to 1 (the last repeated, so that 1 interpolates to itself). */
const VIRIDIS = ["#440154", "#482878", "#3E4989", "#31688E", "#26828E", "#1F9E89", "#35B779", "#6DCD59", "#B4DE2C", "#FDE725", "#FDE725"];

const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);

/** The viridis colour of a share in [0, 1] (dark purple for 0, yellow for 1), or grey when there is no data. */
export function shareColor(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return COLORS.noData;
  const t = Math.min(1, Math.max(0, x)) * (VIRIDIS.length - 2);
  const i = Math.floor(t);
  const f = t - i;
  const mix = (k: number) => Math.round(channel(VIRIDIS[i]!, k) * (1 - f) + channel(VIRIDIS[i + 1]!, k) * f);
  return `#${[0, 1, 2].map((k) => mix(k).toString(16).padStart(2, "0")).join("")}`;
}
