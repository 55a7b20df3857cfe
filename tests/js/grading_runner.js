// Reads a JSON array of cases on stdin, grades each with grading.js (path in argv[2]),
// and writes a JSON array of results on stdout: one node process for a whole batch.
"use strict";
const grading = require(process.argv[2]);

function run(c) {
  const course = c.course;
  const quizzes = {};
  const percents = {};
  course.modules.forEach((m) => {
    if (!m.quiz) return;
    const responses = c.responses[m.id] || {};
    const score = grading.scoreQuiz(m.quiz, responses, course.passing_score);
    percents[m.id] = score.percent;
    quizzes[m.id] = {
      score: score,
      recommendation: grading.recommend(m.quiz, responses, course.outcomes,
        course.close_call_margin),
      percents: (function (rec) {
        return rec ? grading.wholePercents(rec.shares, course.outcomes.map((o) => o.id)) : null;
      })(grading.recommend(m.quiz, responses, course.outcomes,
        course.close_call_margin)),
      arrangement: grading.arrange(m.id, m.quiz, c.attempt),
      correct: Object.fromEntries(m.quiz.questions.map(
        (q) => [q.id, grading.correctResponse(q)])),
    };
  });
  const last = grading.finalModule(course);
  return {
    quizzes: quizzes,
    course_score: grading.courseScore(course, percents),
    counting: grading.countingQuizzes(course),
    final_module: last ? last.id : null,
    shuffled: grading.shuffled(c.items, c.seed),
    fnv1a: grading.fnv1a(c.seed),
  };
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).map(run)));
});
