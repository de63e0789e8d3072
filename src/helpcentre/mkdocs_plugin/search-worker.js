/*
 * Typo-tolerant search for the help centre.
 *
 * Wraps the theme's lunr worker. Before a query reaches it, every word of four
 * letters or more is searched both as typed (prefix match) and within an edit
 * distance, so "Terasoft billing" still finds "Therasoft Billing". Queries
 * that already use lunr syntax are passed through untouched.
 */
var QUERY = 2
var RESULT = 3
var widened = false

function widen(query) {
  if (/[~^:+\-*"]/.test(query))
    return query
  return query.trim().split(/\s+/).map(function (term) {
    if (term.length < 4)
      return term
    var distance = term.length >= 9 ? 2 : 1
    return term + " " + term + "~" + distance
  }).join(" ")
}

/* Registered before the theme's listener, so it sees the query first. */
self.addEventListener("message", function (event) {
  var message = event.data
  if (message && message.type === QUERY && typeof message.data === "string") {
    var query = widen(message.data)
    widened = query !== message.data
    message.data = query
  }
})

/* A word matched within an edit distance is not missing: drop the theme's "Missing" marks. */
var postToPage = self.postMessage.bind(self)
self.postMessage = function (message) {
  if (widened && message && message.type === RESULT && message.data)
    message.data.items.forEach(function (group) {
      group.forEach(function (item) {
        var terms = {}
        for (var term in item.terms)
          if (item.terms[term])
            terms[term] = true
        item.terms = terms
      })
    })
  postToPage(message)
}

importScripts("MATERIAL_WORKER")
