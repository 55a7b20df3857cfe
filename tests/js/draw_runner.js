// Reads a JSON array of {module, quiz, attempt, responses} on stdin and writes, for each, what
// grading.js (path in argv[2]) draws, arranges and scores: one node process for a batch.
"use strict";
const grading = require(process.argv[2]);

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const out = JSON.parse(input).map((c) => {
    const drawn = grading.drawn(c.module, c.quiz, c.attempt);
    return {
      drawn: drawn,
      arrangement: grading.arrange(c.module, c.quiz, c.attempt).questions,
      score: grading.scoreQuiz(c.quiz, c.responses, 50, drawn).percent,
    };
  });
  process.stdout.write(JSON.stringify(out));
});
