// Reads a JSON array of xAPI statements on stdin and writes a JSON array of problems
// ("verb: path: message") found by @learninglocker/xapi-validation (its path in argv[2]).
"use strict";
const validate = require(process.argv[2]).default;

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const problems = [];
  JSON.parse(input).forEach((statement) => {
    const verb = statement && statement.verb ? String(statement.verb.id).split("/").pop() : "?";
    validate(statement).forEach((w) => {
      problems.push(verb + ": " + (w.path || []).join(".") + ": " + (w.typeName || w.message));
    });
  });
  process.stdout.write(JSON.stringify(problems));
});
