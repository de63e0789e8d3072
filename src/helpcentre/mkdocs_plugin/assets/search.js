/*
 * The help centre's search box: Pagefind's chunked index, loaded when a search box is first
 * used, with the query read by search-query.js (compounds, typos, synonyms) first.
 *
 * The markup is the theme's search dialog (partials/search.html), so it looks and opens the
 * same; everything it does is here. Every text from the index reaches the page as text.
 */
(function () {
  "use strict"

  var Query = window.HelpCentreSearchQuery
  var SHOWN_AT_ONCE = 10
  var TYPING_PAUSE_MS = 120
  // A query counts as settled, and is reported, once the customer stopped typing this long.
  var SETTLED_MS = 1500
  var MAX_REPORTED_QUERY = 200
  // Pagefind's default weight for a match in the title.
  var META_WEIGHT = 5
  var MESSAGES = {
    initializing: "Initializing search",
    placeholder: "Type to start searching",
    none: "No matching documents",
    one: "1 matching document",
    other: "# matching documents",
    unavailable: "Search is not available right now. Browse the topics instead."
  }

  var engine = null
  var EMPTY_INDEX = {
    search: function () { return Promise.resolve({ results: [] }) },
    filters: function () { return Promise.resolve({}) }
  }

  /* Pagefind and the vocabulary, fetched once, on first use: a page that is only read loads neither. */
  function loadEngine(indexUrl) {
    if (engine)
      return engine
    var base = new URL(indexUrl, document.baseURI).href
    var pagefind = import(base + "pagefind.js").then(function (module) {
      // Tags count as much as the title: both are what writers say an article is about.
      var ranking = { metaWeights: { title: META_WEIGHT, tags: META_WEIGHT } }
      return module.options({ basePath: base, excerptLength: 24, ranking: ranking }).then(function () {
        return module.init()
      }).then(function () { return module })
    })
    var vocabulary = fetch(base + "helpcentre-vocabulary.json", { credentials: "omit" }).then(function (response) {
      if (!response.ok)
        throw new Error("the search vocabulary answered " + response.status)
      return response.json()
    }).catch(function () {
      // Search still works without corrections.
      return { words: {}, compounds: {}, synonyms: [] }
    })
    // Both are fetched at once. A help centre with no article for customers has no index to
    // fetch (helpcentre.search writes none), and its vocabulary says so.
    pagefind.catch(function () {})
    engine = vocabulary.then(function (words) {
      return (words.pages === 0 ? Promise.resolve(EMPTY_INDEX) : pagefind).then(function (index) {
        // The index's addresses are from the site's root, which may be a folder of its host.
        var siteRoot = new URL("../", base).href
        return { pagefind: index, vocabulary: words, boostValues: boostValuesOf(index), siteRoot: siteRoot }
      })
    })
    engine.catch(function () { engine = null })
    return engine
  }

  /*
   * The values of search.boost that articles set: a filter of the index. Which pages have them
   * is asked per query (see anyWordSearch): asking for every page with a filter and no words
   * would fetch the whole index.
   */
  function boostValuesOf(pagefind) {
    return pagefind.filters().then(function (filters) {
      return Object.keys((filters && filters.boost) || {})
    }).catch(function () { return [] })
  }

  /* Typo corrections the index vetoes: a word it finds as typed is not a typo. */
  function vetoedTypos(pagefind, words) {
    return Promise.all(words.map(function (word) {
      return pagefind.search(word).then(function (found) { return found.results.length ? word : null })
    })).then(function (found) { return found.filter(Boolean) })
  }

  /*
   * Pagefind finds only the pages holding every word it knows, so "update bank account" finds
   * nothing when no page says "update". Customers' words are looser than that: a page scores
   * for each word it holds (Pagefind's own score, which already weighs rare words above common
   * ones), and a page holding them all scores once more on top.
   */
  function anyWordSearch(pagefind, text, boostValues, boosts) {
    var words = Query.contentWords(text)
    var texts = [words.join(" ")].concat(words.length > 1 ? words : [])
    var searches = texts.map(function (one) { return pagefind.search(one) })
    // The same searches narrowed to each boost: the chunks are loaded already, so this is cheap.
    texts.forEach(function (one) {
      boostValues.forEach(function (value) {
        searches.push(pagefind.search(one, { filters: { boost: value } }).then(function (found) {
          found.results.forEach(function (result) { boosts[result.id] = Number(value) })
          return { results: [] }
        }))
      })
    })
    return Promise.all(searches).then(function (found) {
      var byId = {}
      found.forEach(function (one) {
        one.results.forEach(function (result) {
          var entry = byId[result.id] || (byId[result.id] = { id: result.id, score: 0, result: result })
          entry.score += result.score
        })
      })
      return Object.keys(byId).map(function (id) { return byId[id] })
    })
  }

  function search(loaded, query) {
    var pagefind = loaded.pagefind
    var vocabulary = loaded.vocabulary
    var proposed = Query.typoCandidates(Query.rewrite(query, vocabulary))
    return Promise.all([vetoedTypos(pagefind, proposed), loaded.boostValues]).then(function (found) {
      var plan = Query.plan(query, vocabulary, found[0])
      var boosts = {}
      return Promise.all(plan.searches.map(function (planned) {
        return anyWordSearch(pagefind, planned.text, found[1], boosts).then(function (results) {
          return { weight: planned.weight, results: results }
        })
      })).then(function (lists) {
        return { plan: plan, ranked: Query.merge(lists, boosts) }
      })
    })
  }

  /* Pagefind's excerpt is text with <mark> around matches; it becomes nodes, never markup. */
  function excerptNodes(excerpt) {
    var fragment = document.createDocumentFragment()
    excerpt.split(/(<mark>|<\/mark>)/).reduce(function (marked, piece) {
      if (piece === "<mark>")
        return true
      if (piece === "</mark>")
        return false
      var text = document.createTextNode(piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\""))
      if (marked) {
        var mark = document.createElement("mark")
        mark.appendChild(text)
        fragment.appendChild(mark)
      } else {
        fragment.appendChild(text)
      }
      return marked
    }, false)
    return fragment
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  }

  /* A pattern for the words of a query at the start of a word, ignoring case: "card" in "Cards". */
  function termsPattern(query) {
    var words = Query.contentWords(query).filter(function (word) { return word.length > 1 })
    if (!words.length)
      return null
    return new RegExp("(^|[^\\p{L}\\p{N}])(" + words.map(escapeRegExp).join("|") + ")", "giu")
  }

  /* `text` as nodes, with the query's words marked. */
  function markedNodes(text, pattern) {
    var fragment = document.createDocumentFragment()
    if (!pattern) {
      fragment.appendChild(document.createTextNode(text))
      return fragment
    }
    var at = 0
    pattern.lastIndex = 0
    var match
    while ((match = pattern.exec(text)) !== null) {
      var start = match.index + match[1].length
      var end = start + match[2].length
      if (start > at)
        fragment.appendChild(document.createTextNode(text.slice(at, start)))
      var mark = document.createElement("mark")
      mark.textContent = text.slice(start, end)
      fragment.appendChild(mark)
      at = end
      if (match[0].length === 0)
        pattern.lastIndex++
    }
    if (at < text.length)
      fragment.appendChild(document.createTextNode(text.slice(at)))
    return fragment
  }

  function tagsOf(meta) {
    try {
      var tags = JSON.parse(meta.tags || "[]")
      return Array.isArray(tags) ? tags.filter(function (tag) { return typeof tag === "string" }) : []
    } catch (error) {
      return []
    }
  }

  function resultItem(data, siteRoot, highlight, pattern) {
    var item = document.createElement("li")
    item.className = "md-search-result__item"
    var link = document.createElement("a")
    var url = new URL(data.url.replace(/^\//, ""), siteRoot)
    if (highlight)
      url.search = new URLSearchParams({ h: highlight }).toString()
    link.href = url.href
    link.className = "md-search-result__link"
    link.tabIndex = -1
    var article = document.createElement("article")
    article.className = "md-search-result__article md-typeset"
    var icon = document.createElement("div")
    icon.className = "md-search-result__icon md-icon"
    var title = document.createElement("h1")
    title.appendChild(markedNodes((data.meta && data.meta.title) || data.url, pattern))
    var teaser = document.createElement("p")
    teaser.className = "md-search-result__teaser"
    teaser.appendChild(excerptNodes(data.excerpt || ""))
    article.append(icon, title, teaser)
    var tags = tagsOf(data.meta || {})
    if (tags.length) {
      var list = document.createElement("nav")
      list.className = "md-tags"
      tags.forEach(function (tag) {
        var chip = document.createElement("span")
        chip.className = "md-tag"
        chip.appendChild(markedNodes(tag, pattern))
        list.appendChild(chip)
      })
      article.appendChild(list)
    }
    link.appendChild(article)
    item.appendChild(link)
    return item
  }

  /* The query as the feedback service keeps it; cut by characters, never inside one. */
  function reportable(query) {
    return Array.from(query.trim().replace(/\s+/g, " ")).slice(0, MAX_REPORTED_QUERY).join("")
  }

  /* Settled queries and opened results, sent as text to the feedback service, and nothing else. */
  function Reporter(endpoint) {
    var pending = null
    var timer = null
    var reported = {}

    function send(body) {
      if (!endpoint)
        return
      try {
        fetch(endpoint, {
          method: "POST",
          mode: "cors",
          credentials: "omit",
          keepalive: true,
          headers: { "Content-Type": "text/plain;charset=UTF-8" },
          body: JSON.stringify(body)
        }).catch(function () {})
      } catch (error) {
        // Reporting never gets in the customer's way.
      }
    }

    function flush() {
      clearTimeout(timer)
      if (pending && !reported[pending.query]) {
        reported[pending.query] = true
        send({ query: pending.query, results: pending.results })
      }
      pending = null
    }

    return {
      shown: function (query, results) {
        clearTimeout(timer)
        query = reportable(query)
        pending = query ? { query: query, results: results } : null
        if (pending)
          timer = setTimeout(flush, SETTLED_MS)
      },
      opened: function (query, results, path) {
        query = reportable(query)
        if (!query)
          return
        pending = { query: query, results: results }
        flush()
        send({ query: query, results: results, opened: path })
      },
      flush: flush,
      enabled: !!endpoint
    }
  }

  function setUp(container) {
    if (container.hasAttribute("data-hc-search-ready"))
      return
    container.setAttribute("data-hc-search-ready", "")
    var toggle = document.getElementById("__search")
    var input = container.querySelector("[data-hc-search-query]")
    var form = input.form
    var meta = container.querySelector(".md-search-result__meta")
    var notice = container.querySelector("[data-hc-search-corrected]")
    var list = container.querySelector(".md-search-result__list")
    var more = container.querySelector("[data-hc-search-more]")
    var indexUrl = container.getAttribute("data-hc-search-index")
    var reporter = Reporter(container.getAttribute("data-hc-search-report"))
    var generation = 0
    var typingTimer = null
    var engineReady = false
    var lastInputAt = 0
    var current = { query: "", ranked: [], shown: 0, highlight: "", pattern: null, siteRoot: "" }

    function setOpen(open) {
      if (toggle && toggle.checked !== open) {
        toggle.checked = open
        toggle.dispatchEvent(new Event("change"))
      }
    }

    function start() {
      return loadEngine(indexUrl).then(function (loaded) {
        engineReady = true
        if (!input.value.trim() && meta.textContent === MESSAGES.initializing)
          meta.textContent = MESSAGES.placeholder
        return loaded
      }, function (error) {
        meta.textContent = MESSAGES.unavailable
        throw error
      })
    }

    /* The next results, each shown as soon as it and those before it have loaded; `replacing`
       the list shown before, just before the first of them. */
    function showMore(replacing) {
      var batch = current.ranked.slice(current.shown, current.shown + SHOWN_AT_ONCE)
      var asked = generation
      var shown = current
      var loads = batch.map(function (entry) { return entry.result.data() })
      var replaced = !replacing
      function place(data) {
        if (asked !== generation)
          return
        if (!replaced) {
          replacing()
          replaced = true
        }
        list.appendChild(resultItem(data, shown.siteRoot, shown.highlight, shown.pattern))
        shown.shown += 1
        more.hidden = shown.shown >= shown.ranked.length
      }
      if (!loads.length) {
        if (asked === generation && replacing)
          replacing()
        more.hidden = true
        return Promise.resolve()
      }
      return loads.reduce(function (previous, load) {
        return previous.then(function () { return load }).then(place)
      }, Promise.resolve())
    }

    function render(query, outcome, siteRoot) {
      var count = outcome.ranked.length
      var corrected = outcome.plan.corrected
      current = {
        query: query,
        siteRoot: siteRoot,
        ranked: outcome.ranked,
        shown: 0,
        highlight: corrected || outcome.plan.typed,
        pattern: termsPattern(corrected || query)
      }
      reporter.shown(query, count)
      // The count, the correction and the results change together, so what is read is consistent.
      var asked = generation
      return showMore(function () {
        // A result that had the keyboard's focus is about to go: the focus goes back to the query.
        if (list.contains(document.activeElement))
          input.focus()
        list.textContent = ""
        meta.textContent = count === 0 ? MESSAGES.none : count === 1 ? MESSAGES.one : MESSAGES.other.replace("#", count)
        notice.textContent = ""
        notice.hidden = !corrected
        if (corrected) {
          notice.append("Showing results for ")
          var strong = document.createElement("strong")
          strong.textContent = corrected
          notice.appendChild(strong)
        }
      }).then(function () {
        // For scripts and tests: the query whose first results are all on show.
        if (asked === generation)
          container.setAttribute("data-hc-search-shown", query)
      })
    }

    function run() {
      var asked = ++generation
      if (!input.value.trim()) {
        list.textContent = ""
        notice.hidden = true
        more.hidden = true
        reporter.shown("", 0)
        if (engine)
          meta.textContent = MESSAGES.placeholder
        return Promise.resolve()
      }
      return start().then(function (loaded) {
        // Typing went on while the index loaded: only the latest query is searched, and only
        // once typing pauses, since a half-typed word fetches chunks of the index for nothing.
        if (asked !== generation)
          return
        var typing = TYPING_PAUSE_MS - (Date.now() - lastInputAt)
        if (typing > 0) {
          clearTimeout(typingTimer)
          typingTimer = setTimeout(run, typing)
          return
        }
        var query = input.value
        return search(loaded, query).then(function (outcome) {
          if (asked === generation)
            return render(query, outcome, loaded.siteRoot)
        })
      }).catch(function () {
        if (asked === generation)
          meta.textContent = MESSAGES.unavailable
      })
    }

    function links() {
      return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"))
    }

    input.addEventListener("focus", function () {
      setOpen(true)
      start().catch(function () {})
    })
    input.addEventListener("input", function () {
      lastInputAt = Date.now()
      clearTimeout(typingTimer)
      // While the index loads, each letter only asks for the query typed by then; once it has
      // loaded, a short pause spares searching every letter of a word typed in one go.
      if (engineReady)
        typingTimer = setTimeout(run, TYPING_PAUSE_MS)
      else
        run()
    })
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      var first = links()[0]
      if (first)
        first.click()
    })
    form.addEventListener("reset", function () {
      setTimeout(function () {
        run()
        input.focus()
      })
    })
    more.addEventListener("click", function () {
      var before = links().length
      showMore().then(function () {
        var next = links()[before]
        if (next)
          next.focus()
      })
    })
    list.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a")
      if (!link)
        return
      reporter.opened(current.query, current.ranked.length, new URL(link.href).pathname)
      setOpen(false)
    })

    container.addEventListener("keydown", function (event) {
      var all = links()
      var at = all.indexOf(document.activeElement)
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!all.length)
          return
        event.preventDefault()
        var step = event.key === "ArrowDown" ? 1 : -1
        if (at < 0)
          (step > 0 ? all[0] : all[all.length - 1]).focus()
        else if (at + step < 0)
          input.focus()
        else
          all[Math.min(at + step, all.length - 1)].focus()
      } else if (event.key === "Escape") {
        event.preventDefault()
        setOpen(false)
        input.blur()
      } else if (at >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        // Typing while on a result goes on with the query, as in the theme's own search.
        input.focus()
      }
    })

    // "/", "s" or "f" anywhere but in a field opens search, as the theme's own did.
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented)
        return
      var target = event.target
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
      if (typing || ["/", "s", "f"].indexOf(event.key) < 0)
        return
      event.preventDefault()
      input.focus()
      input.select()
    })
    if (toggle)
      toggle.addEventListener("change", function () {
        if (toggle.checked && document.activeElement !== input)
          input.focus()
      })
    window.addEventListener("pagehide", reporter.flush)

    container.helpCentreSearch = {
      open: function (text) {
        input.value = text
        input.focus()
        setOpen(true)
        // As if typed here: the same pause before searching, the same single search at the end.
        input.dispatchEvent(new Event("input"))
      }
    }

    // The missing page's form, and links from elsewhere, arrive with the query in `?q=`.
    var asked = new URLSearchParams(location.search).get("q")
    if (asked)
      container.helpCentreSearch.open(asked)
  }

  /* `?h=` from a search result: the searched words marked in the article, as the theme did. */
  function highlightSearchedWords() {
    var searched = new URLSearchParams(location.search).get("h")
    var content = document.querySelector(".md-content article")
    var pattern = searched && termsPattern(searched)
    if (!pattern || !content)
      return
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement
        if (!parent || parent.closest("script, style, svg, mark, button, nav, .headerlink"))
          return NodeFilter.FILTER_REJECT
        pattern.lastIndex = 0
        return pattern.test(node.data) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP
      }
    })
    var found = []
    while (walker.nextNode())
      found.push(walker.currentNode)
    found.forEach(function (node) {
      var marked = markedNodes(node.data, pattern)
      marked.querySelectorAll("mark").forEach(function (mark) { mark.setAttribute("data-md-highlight", "") })
      node.replaceWith(marked)
    })
  }

  function setUpAll() {
    document.querySelectorAll("[data-hc-search]").forEach(setUp)
    highlightSearchedWords()
  }

  window.helpCentreSearch = {
    open: function (text) {
      var container = document.querySelector("[data-hc-search]")
      if (container && container.helpCentreSearch)
        container.helpCentreSearch.open(text)
    }
  }

  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", setUpAll)
  else
    setUpAll()
})()
