import type { ReportData } from "../../src/report/data/types.js";

/** The data a report page embeds, read back from its HTML. */
export function embeddedData(html: string): ReportData {
  const match = /<script type="application\/json" id="govgraph-data">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error("the page embeds no data");
  return JSON.parse(match[1]!) as ReportData;
}
