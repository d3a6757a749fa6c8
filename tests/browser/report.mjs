// Opens the report in headless Chromium and checks it like a reader would: no console error,
// no request at all beyond the file itself, one diagram node per pool, one certificate row per
// planned certificate, sorting and filtering work; saves a screenshot.
// Usage: node report.mjs REPORT.html EXPECTED.json SCREENSHOT.png
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [reportPath, expectedPath, screenshotPath] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(expectedPath, "utf8"));
const problems = [];
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lynctopo-chromium-"));

const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await context.newPage();
  const url = "file://" + path.resolve(reportPath);
  page.on("console", (m) => { if (m.type() === "error") problems.push("console error: " + m.text()); });
  page.on("pageerror", (e) => problems.push("page error: " + e));
  page.on("requestfailed", (r) => problems.push("failed request: " + r.url()));
  page.on("request", (r) => { if (r.url() !== url) problems.push("request beyond the page: " + r.url()); });
  await page.goto(url, { waitUntil: "load" });

  const poolNodes = await page.locator('#diagram-global + .diagram svg g.node[id^="global-pool-"]').count();
  if (poolNodes !== expected.pools) problems.push(`global diagram: ${poolNodes} pool nodes, want ${expected.pools}`);
  const certRows = await page.locator("#certificates tbody tr").count();
  if (certRows !== expected.certificates) problems.push(`certificate table: ${certRows} rows, want ${expected.certificates}`);

  // Sort by Subject (4th column), ascending then descending.
  const subjects = async () => page.locator("#certificates tbody tr td:nth-child(4)").allTextContents();
  const header = page.locator("#certificates thead th").nth(3);
  await header.click();
  const up = await subjects();
  const sortedUp = [...up].sort((a, b) => a.localeCompare(b));
  if (JSON.stringify(up) !== JSON.stringify(sortedUp)) problems.push("ascending sort is not sorted: " + up.join(", "));
  if ((await header.getAttribute("aria-sort")) !== "ascending") problems.push("header does not show ascending");
  await header.click();
  const down = await subjects();
  if (JSON.stringify(down) !== JSON.stringify([...sortedUp].reverse())) problems.push("descending sort is not reversed");

  // Filter the certificate table by one pool.
  await page.locator('input.filter[data-table="certificates"]').fill(expected.filter);
  const visible = await page.locator("#certificates tbody tr:not([hidden])").allTextContents();
  if (visible.length === 0 || visible.length >= certRows) problems.push(`filter '${expected.filter}' left ${visible.length} of ${certRows} rows`);
  for (const row of visible) if (!row.toLowerCase().includes(expected.filter)) problems.push("filter kept a row without the text: " + row);
  await page.locator('input.filter[data-table="certificates"]').fill("");
  if ((await page.locator("#certificates tbody tr:not([hidden])").count()) !== certRows) problems.push("clearing the filter did not bring every row back");

  // The pool's link leads to its certificate row.
  const link = page.locator(`a[href="#certificates-${expected.filter}"]`).first();
  if ((await link.count()) === 0) problems.push("no link from the pool to its certificates");

  await page.screenshot({ path: screenshotPath, fullPage: true });
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
if (problems.length) {
  console.log(problems.join("\n"));
  process.exit(1);
}
console.log(`report: ${expected.pools} pool nodes, ${expected.certificates} certificate rows, sort and filter work`);
