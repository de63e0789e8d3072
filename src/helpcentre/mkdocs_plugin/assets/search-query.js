/*
 * What a customer's query means, before the index is asked: compounds, typos and synonyms.
 *
 * Pure functions over the vocabulary that the build writes beside the index
 * (helpcentre.search.vocabulary): the words writers chose to name things, the hyphenated
 * compounds among them, and the synonym groups from mkdocs.yml. No DOM, no network, so the
 * same file runs in the browser and under Node for the tests.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory()
  else
    root.HelpCentreSearchQuery = factory()
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  // The same words as helpcentre.search.vocabulary.words_of: letters and digits, with the
  // hyphens and apostrophes inside a word.
  var WORD = /[\p{L}\p{N}]+(?:[-'\u2019][\p{L}\p{N}]+)*/gu
  // A typo is corrected only in a word this long: shorter ones are too often another word.
  var MIN_TYPO_LENGTH = 4
  var MAX_SYNONYM_VARIANTS = 6
  // Words of a question that say nothing of its subject: "how do I prepay" is about "prepay".
  // Left out of what is searched and marked, unless the query has nothing else.
  var STOP_WORDS = {}
  ;("a an and are as at be been but by can could did do does for from had has have how i if in into " +
    "is it its me my of on or our should so than that the their them then there these this those " +
    "to was we what when where which who why will with would you your").split(" ").forEach(function (word) {
    STOP_WORDS[word] = true
  })

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
  }

  function wordsOf(text) {
    return (fold(text).match(WORD) || []).map(function (word) { return word.replace(/\u2019/g, "'") })
  }

  function isNumber(word) {
    return /^[\d-]+$/.test(word)
  }

  /* The words of `text` that carry its meaning: all of them when every one is a stop word. */
  function contentWords(text) {
    var words = wordsOf(text)
    var meaningful = words.filter(function (word) { return !Object.prototype.hasOwnProperty.call(STOP_WORDS, word) })
    return meaningful.length ? meaningful : words
  }

  /* The edit distance of a and b, counting a swap of two neighbours as one edit; over `limit`: limit + 1. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit)
      return limit + 1
    var before = null
    var previous = []
    for (var j = 0; j <= b.length; j++)
      previous.push(j)
    for (var i = 1; i <= a.length; i++) {
      var current = [i]
      var best = i
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          value = Math.min(value, before[j - 2] + 1)
        current.push(value)
        best = Math.min(best, value)
      }
      if (best > limit)
        return limit + 1
      before = previous
      previous = current
    }
    return previous[b.length]
  }

  function allowedEdits(word) {
    return word.length >= 8 ? 2 : 1
  }

  // The vocabulary's maps are plain JSON objects: "constructor" is a word there, not a method.
  function own(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined
  }

  function known(vocabulary, word) {
    return own(vocabulary.words, word) !== undefined
  }

  function compound(vocabulary, joined) {
    return own(vocabulary.compounds, joined)
  }

  function frequency(vocabulary, word) {
    return own(vocabulary.words, word) || 0
  }

  /* The vocabulary word nearest to `word`: fewest edits, then the most articles, then A to Z. */
  function nearestWord(vocabulary, word) {
    var limit = allowedEdits(word)
    var best = null
    for (var candidate in vocabulary.words) {
      if (candidate.length < MIN_TYPO_LENGTH - 1 || candidate.indexOf("-") >= 0)
        continue
      // Never a much shorter word: "scan" does not stand for "can".
      if (candidate.length < word.length - (word.length >= 5 ? 1 : 0))
        continue
      var edits = distance(word, candidate, limit)
      if (edits > limit)
        continue
      var better = !best || edits < best.edits ||
        (edits === best.edits && (vocabulary.words[candidate] > best.frequency ||
          (vocabulary.words[candidate] === best.frequency && candidate < best.word)))
      if (better)
        best = { word: candidate, edits: edits, frequency: vocabulary.words[candidate] }
    }
    return best && best.word
  }

  /* "logout" as two words the help centre uses, when it never writes it as one: "log out". */
  function splitCompound(vocabulary, word) {
    var best = null
    for (var at = 2; at <= word.length - 2; at++) {
      var left = word.slice(0, at)
      var right = word.slice(at)
      if (!known(vocabulary, left) || !known(vocabulary, right))
        continue
      var weight = Math.min(frequency(vocabulary, left), frequency(vocabulary, right))
      if (!best || weight > best.weight)
        best = { words: [left, right], weight: weight }
    }
    return best && best.words
  }

  /*
   * The query in the vocabulary's spelling: its parts, each a word kept as typed or a change
   * with what it was and why: "compound" (prepay -> pre-pay, log out -> logout) or "typo" (terasoft ->
   * therasoft). A typo change is only a proposal: the caller keeps the word as typed when
   * the index finds it (the index knows every body word; the vocabulary only the named ones).
   */
  function rewrite(query, vocabulary) {
    var words = wordsOf(query)
    var parts = []
    function keep(word) {
      parts.push({ text: word, change: null })
    }
    function change(from, to, reason) {
      parts.push({ text: to, change: { from: from, to: to, reason: reason } })
    }
    for (var i = 0; i < words.length; i++) {
      var word = words[i]
      var next = words[i + 1]
      if (next !== undefined) {
        // "pre pay" -> "pre-pay", "log out" -> "logout": the spelling the articles use.
        var joined = (word + next).replace(/-/g, "")
        var spelled = compound(vocabulary, joined) || (known(vocabulary, joined) ? joined : null)
        if (spelled) {
          change(word + " " + next, spelled, "compound")
          i++
          continue
        }
      }
      if (word.indexOf("-") < 0 && compound(vocabulary, word)) {
        change(word, compound(vocabulary, word), "compound")
        continue
      }
      if (known(vocabulary, word) || isNumber(word)) {
        keep(word)
        continue
      }
      if (word.indexOf("-") >= 0) {
        var together = word.replace(/-/g, "")
        if (known(vocabulary, together))
          change(word, together, "compound")
        else
          keep(word)
        continue
      }
      var split = splitCompound(vocabulary, word)
      if (split) {
        change(word, split.join(" "), "compound")
        continue
      }
      var nearest = word.length >= MIN_TYPO_LENGTH ? nearestWord(vocabulary, word) : null
      if (nearest)
        change(word, nearest, "typo")
      else
        keep(word)
    }
    return parts
  }

  /* The rewritten query as text, with the typo changes the index vetoed put back as typed. */
  function accept(parts, vetoed) {
    var words = []
    var changes = []
    parts.forEach(function (part) {
      if (part.change && part.change.reason === "typo" && vetoed.indexOf(part.change.from) >= 0) {
        words.push(part.change.from)
        return
      }
      if (part.change)
        changes.push(part.change)
      words.push(part.text)
    })
    return { text: words.join(" "), changes: changes }
  }

  /* The words `rewrite` proposes to correct as typos: the caller asks the index about each. */
  function typoCandidates(parts) {
    return parts.filter(function (part) { return part.change && part.change.reason === "typo" })
      .map(function (part) { return part.change.from })
  }

  function containsPhrase(words, phrase) {
    var wanted = phrase.split(" ")
    for (var i = 0; i + wanted.length <= words.length; i++) {
      var all = true
      for (var j = 0; j < wanted.length && all; j++)
        all = words[i + j] === wanted[j]
      if (all)
        return i
    }
    return -1
  }

  /*
   * The query with each phrase of a synonym group it holds replaced by the group's others.
   * Phrases are matched on their meaningful words: "card is on file" holds "card on file".
   */
  function synonymVariants(text, vocabulary) {
    var words = contentWords(text)
    var variants = []
    ;(vocabulary.synonyms || []).forEach(function (group) {
      group.forEach(function (phrase) {
        var wanted = contentWords(phrase)
        var at = containsPhrase(words, wanted.join(" "))
        if (at < 0)
          return
        group.forEach(function (other) {
          if (other === phrase)
            return
          var replaced = words.slice(0, at).concat(other.split(" "), words.slice(at + wanted.length))
          var variant = replaced.join(" ")
          if (variant !== words.join(" ") && variants.indexOf(variant) < 0)
            variants.push(variant)
        })
      })
    })
    return variants.slice(0, MAX_SYNONYM_VARIANTS)
  }

  /*
   * The searches to run for one query, best first, each with the weight its scores get when
   * merged: the query as corrected, the query as typed (when it differs), and its synonyms.
   */
  function plan(query, vocabulary, vetoed) {
    var typed = wordsOf(query).join(" ")
    var corrected = accept(rewrite(query, vocabulary), vetoed || [])
    var searches = [{ text: corrected.text, weight: 1 }]
    if (typed && typed !== corrected.text) {
      var onlyCompounds = corrected.changes.every(function (change) { return change.reason === "compound" })
      searches.push({ text: typed, weight: onlyCompounds ? 1 : 0.5 })
    }
    synonymVariants(corrected.text, vocabulary).forEach(function (variant) {
      searches.push({ text: variant, weight: 0.9 })
    })
    return {
      typed: typed,
      corrected: corrected.changes.length ? corrected.text : null,
      changes: corrected.changes,
      searches: searches.filter(function (search) { return search.text })
    }
  }

  return {
    fold: fold,
    wordsOf: wordsOf,
    contentWords: contentWords,
    distance: distance,
    nearestWord: nearestWord,
    splitCompound: splitCompound,
    rewrite: rewrite,
    accept: accept,
    typoCandidates: typoCandidates,
    synonymVariants: synonymVariants,
    plan: plan
  }
})
