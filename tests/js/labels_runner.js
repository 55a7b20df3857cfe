// Reads [{labels, calls: [[method, ...args]]}] as JSON on stdin; prints each call's result.
"use strict";
const labelsModule = require(process.argv[2]);
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const results = JSON.parse(input).map((batch) => {
    const labels = labelsModule.create(batch.labels);
    return batch.calls.map(([method, ...args]) => labels[method](...args));
  });
  process.stdout.write(JSON.stringify(results));
});
