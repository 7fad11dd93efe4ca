// The job summary of a contract-test run, in Markdown on stdout: the verdict, a row per check from the JUnit file,
// every failure, the rules the suite could not judge and the end of mca-contract's output.
// Usage: node job-summary.mjs <junit.xml> <exit code> <mca-contract log>   (env: BASE_URL, GITHUB_BASE_REF)
import { existsSync, readFileSync } from "node:fs";

const [junitPath = "", exitCode = "", logPath = ""] = process.argv.slice(2);
const read = (path) => (path && existsSync(path) ? readFileSync(path, "utf8") : "");
const unescapeXml = (text) =>
  text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
const attribute = (tag, name) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? unescapeXml(match[1]) : undefined;
};
// in a table cell or a list item, a pipe or a line break would end it
const inline = (text) => text.replaceAll("|", "\\|").replace(/\s*\n\s*/g, " ");

const junit = read(junitPath);
const suites = [...junit.matchAll(/<testsuite\s[^>]*>[\s\S]*?<\/testsuite>/g)].map(([suite]) => {
  const cases = [...suite.matchAll(/<testcase\s[^>]*?(?:\/>|>[\s\S]*?<\/testcase>)/g)].map(([testcase]) => {
    const failure = /<(failure|error)\s[^>]*>/.exec(testcase);
    return {
      name: attribute(testcase, "name") ?? "",
      failure: failure ? (attribute(failure[0], "message") ?? failure[1]) : undefined,
    };
  });
  return { name: attribute(suite, "name") ?? "", cases };
});
const cases = suites.flatMap((suite) => suite.cases);
const failed = cases.filter((testcase) => testcase.failure !== undefined);
const log = read(logPath).trimEnd().split("\n");
const notJudged = log.filter((line) => /: not judged, /.test(line)).map((line) => line.trim());

// the action's BASE_URL and, on a pull request, the runner's GITHUB_BASE_REF
const { BASE_URL: baseUrl, GITHUB_BASE_REF: baseRef } = process.env;
const target = baseUrl ? ` against ${baseUrl}` : "";
const pullRequest = baseRef ? ` (pull request into \`${baseRef}\`)` : "";
const unjudged = notJudged.length ? `, ${notJudged.length} rule(s) not judged` : "";
const verdict =
  exitCode === "0"
    ? `✅ passed: ${cases.length} check × operation case(s), none failed${unjudged}`
    : exitCode === "1"
      ? `❌ failed: ${failed.length} of ${cases.length} check × operation case(s) failed${unjudged}`
      : `⚠️ could not run (exit ${exitCode || "unknown"}): ${inline(log.at(-1) || "no output")}`;

const lines = [`### Contract tests${target}${pullRequest}`, "", verdict, ""];
if (suites.length) {
  lines.push("| check | operations | failed |", "|---|---|---|");
  for (const suite of suites) {
    const bad = suite.cases.filter((testcase) => testcase.failure !== undefined).length;
    lines.push(`| ${bad ? "❌" : "✅"} \`${suite.name}\` | ${suite.cases.length} | ${bad} |`);
  }
  lines.push("");
} else {
  lines.push(`No JUnit report${junitPath ? ` at \`${junitPath}\`` : ""}: nothing was judged.`, "");
}
if (failed.length) {
  lines.push(
    "#### Failures",
    "",
    ...failed.map((testcase) => `- \`${testcase.name}\`: ${inline(testcase.failure)}`),
    "",
  );
}
if (notJudged.length) lines.push("#### Not judged", "", ...notJudged.map((line) => `- ${inline(line)}`), "");
if (log.length && log[0] !== "") {
  lines.push(
    "<details><summary>mca-contract's output (last 40 lines)</summary>",
    "",
    "```",
    ...log.slice(-40),
    "```",
    "</details>",
    "",
  );
}
process.stdout.write(`${lines.join("\n")}\n`);
