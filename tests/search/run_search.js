// Runs the search box's engine (assets/helpcentre/search-engine.js) in Node over a built
// index: reads {"assets": dir, "index": dir, "queries": [{"query", "typing"}]} on stdin and
// writes, for each query, the addresses found best first, the words matched, its correction
// and its "did you mean".
const fs = require("fs")
const path = require("path")

let input = ""
process.stdin.on("data", (chunk) => { input += chunk })
process.stdin.on("end", async () => {
  const asked = JSON.parse(input)
  const Engine = require(path.resolve(asked.assets, "search-engine.js"))
  const engine = Engine.createEngine((file) =>
    fs.promises.readFile(path.join(asked.index, decodeURIComponent(file)), "utf8").then(JSON.parse))
  const answers = []
  for (const one of asked.queries) {
    const outcome = await engine.search(one.query, Boolean(one.typing))
    const records = await engine.pages(outcome.ranked.map((entry) => entry.id))
    answers.push({
      query: one.query,
      urls: records.map((record) => record.url),
      words: outcome.words,
      corrected: outcome.plan.corrected,
      suggestion: outcome.suggestion
    })
  }
  process.stdout.write(JSON.stringify(answers))
})
