// The CommonJS consumer: require() of the ESM package (Node >= 20.19 loads it, the package's `default` condition).
const { readFileSync } = require("node:fs");
const { createClient } = require("@mca/client");
const { flow } = require("./out/flow.mjs");

const [baseUrl, identitiesPath] = process.argv.slice(2);
const { hosts, guests } = JSON.parse(readFileSync(identitiesPath, "utf8"));
flow(createClient, baseUrl, hosts[1], guests[0]).then(
  (done) => console.log(`CommonJS: ${done}`),
  (error) => {
    console.error(`CommonJS: ${error.message}`);
    process.exit(1);
  },
);
