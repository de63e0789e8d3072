/*
 * The help centre's search over its own index (helpcentre.search.index_files): which words a
 * query matches, and which pages rank first.
 *
 * A query word matches a word of the index that is the same word, its plural or another form of
 * it ("invoices", "invoicing" for "invoice"), or, when the index has none of those, a typo of it:
 * one edit in a word of 4 to 7 letters, two from 8, never a much shorter word ("scan" is not
 * "can"). The word still being typed also matches the words it begins. A fragment inside a word
 * never matches: "can" is not in "cancel".
 *
 * Pages score for each query word by where they hold it (the title and tags most) and by how
 * rare it is; a page holding every word scores more than one holding some. A writer's
 * `search.boost` only breaks ties between pages that score alike.
 *
 * No DOM: `load(path)` fetches a file of the index as JSON, so Node runs the same code in tests.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory(function () { return require("./search-query.js") })
  else
    root.HelpCentreSearchEngine = factory(function () { return root.HelpCentreSearchQuery })
})(typeof self !== "undefined" ? self : this, function (queryModule) {
  "use strict"

  // search-query.js, read when first needed: the browser fetches both files at once, in any order.
  var Query = {}
  ;["distance", "contentWords", "plan", "typoCandidates", "rewrite"].forEach(function (name) {
    Query[name] = function () { return queryModule()[name].apply(null, arguments) }
  })

  var EXACT = 1
  // Another form of the word is the same word to a reader; the form typed only breaks ties.
  var SAME_STEM = 0.99
  var PREFIX = 0.7
  var TYPO = 0.6
  // A boost of 2 lifts a page by this share: enough to order pages that score alike, never
  // enough to put a word in passing above a title.
  var BOOST_SHARE = 0.04
  var MIN_PREFIX = 2

  /* One spelling for a word's forms: "invoices", "invoicing" and "invoice" are all "invoic". */
  function stem(word) {
    var w = word.replace(/'s?$/, "")
    if (w.length > 4 && /ies$/.test(w))
      w = w.slice(0, -3) + "y"
    else if (w.length > 4 && /(ss|x|z|ch|sh)es$/.test(w))
      w = w.slice(0, -2)
    else if (w.length > 3 && /[^siu]s$/.test(w))
      w = w.slice(0, -1)
    if (w.length > 5 && /ing$/.test(w))
      w = w.slice(0, -3)
    else if (w.length > 4 && /ed$/.test(w))
      w = w.slice(0, -2)
    if (w.length > 3 && /([^aeiou])\1$/.test(w))
      w = w.slice(0, -1)
    if (w.length > 3 && /e$/.test(w))
      w = w.slice(0, -1)
    return w
  }

  function allowedTypos(word) {
    return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0
  }

  /* Whether `candidate` may stand for a typed `word` as a typo: near enough, and not much shorter. */
  function typoOf(word, candidate) {
    var limit = allowedTypos(word)
    if (!limit || candidate.length < word.length - (word.length >= 5 ? 1 : 0))
      return 0
    var edits = Query.distance(word, candidate, limit)
    return edits <= limit ? edits : 0
  }

  function shardOf(word) {
    return Array.from(word).slice(0, 2).join("")
  }

  function own(map, key) {
    return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined
  }

  function createEngine(load) {
    var meta = null
    var files = {}

    function file(path) {
      if (!own(files, path)) {
        files[path] = load(path)
        files[path].catch(function () { delete files[path] })
      }
      return files[path]
    }

    function ready() {
      if (!meta)
        meta = file("meta.json").then(function (loaded) {
          loaded.shardSet = {}
          ;(loaded.shards || []).forEach(function (key) { loaded.shardSet[key] = true })
          return loaded
        })
      return meta
    }

    function shard(index, word) {
      var key = shardOf(word)
      if (!own(index.shardSet, key))
        return Promise.resolve({})
      return file("words/" + encodeURIComponent(key) + ".json")
    }

    /* The index words `word` matches, each {word, quality, df, file}; `prefix` when it is still being typed. */
    function matchesOf(index, word, prefix) {
      return shard(index, word).then(function (listed) {
        var found = []
        var wordStem = stem(word)
        Object.keys(listed).forEach(function (candidate) {
          var quality = candidate === word ? EXACT
            : stem(candidate) === wordStem ? SAME_STEM
              : prefix && word.length >= MIN_PREFIX && candidate.indexOf(word) === 0 ? PREFIX : 0
          if (quality)
            found.push({ word: candidate, quality: quality, df: listed[candidate][0], file: listed[candidate][1] })
        })
        if (found.length)
          return found
        Object.keys(listed).forEach(function (candidate) {
          var edits = typoOf(word, candidate)
          if (edits)
            found.push({ word: candidate, quality: TYPO / edits, df: listed[candidate][0], file: listed[candidate][1] })
        })
        return found
      })
    }

    function postings(match) {
      return file("postings/" + match.file + ".json").then(function (bucket) {
        var encoded = own(bucket, match.word) || []
        var pages = []
        var id = 0
        for (var at = 0; at < encoded.length; at += 2) {
          id = at === 0 ? encoded[0] : id + encoded[at]
          pages.push([id, encoded[at + 1]])
        }
        return pages
      })
    }

    /* Pages scored for one text: {id: {score, words}} with the index words each matched. */
    function scoreText(index, text, typing) {
      var words = Query.contentWords(text).filter(function (word, at, all) { return all.indexOf(word) === at })
      var last = words[words.length - 1]
      return Promise.all(words.map(function (word) {
        return matchesOf(index, word, typing && word === last)
      })).then(function (perWord) {
        return Promise.all(perWord.map(function (matches) {
          return Promise.all(matches.map(function (match) {
            return postings(match).then(function (pages) { return { match: match, pages: pages } })
          }))
        }))
      }).then(function (perWord) {
        var scores = {}
        perWord.forEach(function (matched, wordAt) {
          // How many pages hold the word in any of the forms matched: "invoice" is as common
          // as "invoice" and "invoices" together.
          var holding = {}
          matched.forEach(function (one) {
            one.pages.forEach(function (posting) { holding[posting[0]] = true })
          })
          // A rare word says more about a page than a common one, but less than where the
          // page holds it: a word in passing never outweighs a title for being rare.
          var rarity = 1 + 0.5 * Math.log(index.pages / Math.max(Object.keys(holding).length, 1))
          matched.forEach(function (one) {
            one.pages.forEach(function (posting) {
              var page = scores[posting[0]] || (scores[posting[0]] = { perWord: {}, words: {} })
              var score = one.match.quality * posting[1] * rarity
              if (!(page.perWord[wordAt] >= score))
                page.perWord[wordAt] = score
              page.words[one.match.word] = true
            })
          })
        })
        var ranked = []
        Object.keys(scores).forEach(function (id) {
          var page = scores[id]
          var held = Object.keys(page.perWord)
          var coverage = held.length / words.length
          // Of a longer question, a page must answer at least half.
          if (words.length >= 3 && coverage < 0.5)
            return
          var total = held.reduce(function (sum, at) { return sum + page.perWord[at] }, 0)
          ranked.push({ id: Number(id), score: total * coverage * coverage, words: Object.keys(page.words) })
        })
        return { results: ranked, matched: perWord.map(function (matched) { return matched.length > 0 }) }
      })
    }

    /* Typo proposals of the query the index vetoes: a word it holds in some form is not a typo. */
    function vetoed(index, words) {
      return Promise.all(words.map(function (word) {
        return matchesOf(index, word, false).then(function (matches) {
          return matches.some(function (match) { return match.quality >= SAME_STEM }) ? word : null
        })
      })).then(function (found) { return found.filter(Boolean) })
    }

    /* A nearer spelling from the vocabulary for each word the index has nothing for, or null. */
    function suggestion(index, text, matched) {
      var words = Query.contentWords(text)
      var changed = false
      var suggested = words.map(function (word, at) {
        if (matched[at] !== false)
          return word
        var best = null
        Object.keys(index.words || {}).forEach(function (candidate) {
          if (candidate.length < 3 || candidate.indexOf("-") >= 0)
            return
          // As near as a typo, a short word's too, and never a much shorter word.
          var limit = Math.max(allowedTypos(word), 1)
          var edits = Query.distance(word, candidate, limit)
          if (edits > limit || candidate.length < word.length - (word.length >= 5 ? 1 : 0))
            return
          var count = index.words[candidate]
          if (!best || edits < best.edits || (edits === best.edits && count > best.count))
            best = { word: candidate, edits: edits, count: count }
        })
        if (!best)
          return word
        changed = true
        return best.word
      })
      return changed ? suggested.join(" ") : null
    }

    /*
     * The pages for `query`, best first: {plan, ranked: [{id, score, words}], words, suggestion}.
     * `typing`: the query's last word may be unfinished, so it also matches the words it begins.
     */
    function search(query, typing) {
      return ready().then(function (index) {
        if (!index.pages)
          return { plan: Query.plan(query, index, []), ranked: [], words: [], suggestion: null }
        // Every word's list of index words is asked for at once, not one round trip after another.
        Query.contentWords(query).forEach(function (word) { shard(index, word).catch(function () {}) })
        var proposed = Query.typoCandidates(Query.rewrite(query, index))
        return vetoed(index, proposed).then(function (kept) {
          var plan = Query.plan(query, index, kept)
          return Promise.all(plan.searches.map(function (planned) {
            return scoreText(index, planned.text, typing).then(function (scored) {
              return { weight: planned.weight, results: scored.results, matched: scored.matched }
            })
          })).then(function (lists) {
            var ranked = rank(lists, index.boosts || {})
            var words = {}
            ranked.forEach(function (entry) { entry.words.forEach(function (word) { words[word] = true }) })
            return {
              plan: plan,
              ranked: ranked,
              words: Object.keys(words),
              suggestion: ranked.length ? null : suggestion(index, plan.searches[0].text, lists[0].matched)
            }
          })
        })
      })
    }

    /* One ranking from several searches, each weighted; a page keeps its best. */
    function rank(lists, boosts) {
      var byId = {}
      lists.forEach(function (list) {
        list.results.forEach(function (result) {
          var boost = Math.max(own(boosts, String(result.id)) || 1, 0.01)
          var score = result.score * list.weight * (1 + BOOST_SHARE * Math.log2(boost))
          if (!byId[result.id] || byId[result.id].score < score)
            byId[result.id] = { id: result.id, score: score, words: result.words }
        })
      })
      return Object.keys(byId).map(function (id) { return byId[id] }).sort(function (a, b) {
        return b.score - a.score || a.id - b.id
      })
    }

    /* The page records of `ids`: {id, url, title, summary, tags}, in the same order. */
    function pages(ids) {
      return ready().then(function (index) {
        var perFile = index.pagesPerFile
        return Promise.all(ids.map(function (id) {
          return file("pages/" + Math.floor(id / perFile) + ".json").then(function (records) {
            var record = records[id % perFile]
            return { id: id, url: record[0], title: record[1], summary: record[2], tags: record[3] }
          })
        }))
      })
    }

    return { ready: ready, search: search, pages: pages }
  }

  return { createEngine: createEngine, stem: stem, typoOf: typoOf }
})
