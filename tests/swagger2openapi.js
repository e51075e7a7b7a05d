// The differential test's oracle (tests/test_swagger2_differential.py): converts each Swagger 2.0
// file named on the command line with swagger2openapi, the converter of the npm package pinned in
// package-lock.json, into OUTPUT_FOLDER/<index>.json. External $refs are resolved (bundled) by it,
// so each output stands alone. Usage: node swagger2openapi.js OUTPUT_FOLDER SPEC...
"use strict";
const fs = require("fs");
const path = require("path");
const converter = require("swagger2openapi");

async function main() {
  const [output, ...specs] = process.argv.slice(2);
  for (const [index, spec] of specs.entries()) {
    // patch: fix what it can instead of refusing; warnOnly: note what it cannot in x-s2o-warning
    const options = await converter.convertFile(spec, { patch: true, warnOnly: true, resolve: true, source: spec });
    fs.writeFileSync(path.join(output, `${index}.json`), JSON.stringify(options.openapi, null, 1));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
