/*
 * The help centre's search box, over the help centre's own index (helpcentre.search).
 *
 * Nothing of search is fetched with the page: the query's reading (search-query.js), the
 * matching (search-engine.js) and the index's first file come once the reader shows they are
 * about to search (the box takes focus, or "/" is pressed), and each query then fetches only the
 * few small files its words need. The markup is the theme's search dialog (partials/search.html),
 * so it looks and opens the same; everything it does is here. Every text from the index reaches
 * the page as text.
 */
(function () {
  "use strict"

  var SHOWN_AT_ONCE = 10
  var TYPING_PAUSE_MS = 120
  // A query counts as settled, and is reported, once the customer stopped typing this long.
  var SETTLED_MS = 1500
  var MAX_REPORTED_QUERY = 200
  var MESSAGES = {
    initializing: "Initializing search",
    placeholder: "Type to start searching",
    none: "No articles match",
    one: "1 matching article",
    other: "# matching articles",
    unavailable: "Search is not available right now. Browse the topics instead."
  }

  var engine = null
  var WORD_CHARACTER = /[\p{L}\p{N}]/u

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script")
      script.src = url
      script.async = true
      script.onload = resolve
      script.onerror = function () { reject(new Error("could not load " + url)) }
      document.head.appendChild(script)
    })
  }

  /* The engine and the index's first file, fetched once, on first use: a page only read loads neither. */
  function loadEngine(container) {
    if (engine)
      return engine
    var base = new URL(container.getAttribute("data-hc-search-index"), document.baseURI).href
    var scripts = container.getAttribute("data-hc-search-scripts").split(" ")
    function load(path) {
      return fetch(base + path, { credentials: "omit" }).then(function (response) {
        if (!response.ok)
          throw new Error(path + " answered " + response.status)
        return response.json()
      })
    }
    // The scripts and the index's first file at once: on a slow phone each round trip is half a second.
    var meta = load("meta.json")
    meta.catch(function () {})
    engine = Promise.all(scripts.map(loadScript)).then(function () {
      var searcher = window.HelpCentreSearchEngine.createEngine(function (path) {
        return path === "meta.json" ? meta : load(path)
      })
      return searcher.ready().then(function () {
        // The index's addresses are from the site's root, which may be a folder of its host.
        return { searcher: searcher, siteRoot: new URL("../", base).href }
      })
    })
    engine.catch(function () { engine = null })
    return engine
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  }

  /* A pattern for whole `words`, ignoring case: "card" in "Card", never in "cards" or "discard". */
  function wordsPattern(words) {
    words = words.filter(function (word) { return word.length > 0 })
    if (!words.length)
      return null
    words.sort(function (a, b) { return b.length - a.length })
    return new RegExp("(^|[^\\p{L}\\p{N}])(" + words.map(escapeRegExp).join("|") + ")(?![\\p{L}\\p{N}])", "giu")
  }

  /* `text` as nodes, with the words of `pattern` marked. */
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

  function resultItem(record, siteRoot, highlight, pattern) {
    var item = document.createElement("li")
    item.className = "md-search-result__item"
    var link = document.createElement("a")
    var url = new URL(String(record.url).replace(/^\//, ""), siteRoot)
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
    title.appendChild(markedNodes(String(record.title || record.url), pattern))
    var teaser = document.createElement("p")
    teaser.className = "md-search-result__teaser"
    teaser.appendChild(markedNodes(String(record.summary || ""), pattern))
    article.append(icon, title, teaser)
    var tags = Array.isArray(record.tags) ? record.tags.filter(function (tag) { return typeof tag === "string" }) : []
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
    var none = container.querySelector("[data-hc-search-none]")
    var suggestion = container.querySelector("[data-hc-search-suggestion]")
    var reporter = Reporter(container.getAttribute("data-hc-search-report"))
    var generation = 0
    var typingTimer = null
    var engineReady = false
    var lastInputAt = 0
    // A query put in whole (a link's ?q=, the home page's box submitted) is not being typed.
    var typedWhole = false
    var current = { query: "", ranked: [], shown: 0, pattern: null, siteRoot: "", searcher: null }

    function setOpen(open) {
      if (toggle && toggle.checked !== open) {
        toggle.checked = open
        toggle.dispatchEvent(new Event("change"))
      }
    }

    function start() {
      return loadEngine(container).then(function (loaded) {
        engineReady = true
        if (!input.value.trim() && meta.textContent === MESSAGES.initializing)
          meta.textContent = MESSAGES.placeholder
        return loaded
      }, function (error) {
        meta.textContent = MESSAGES.unavailable
        throw error
      })
    }

    /* The next results, each shown as soon as its title and those before it have loaded;
       `replacing` the list shown before, just before the first of them. */
    function showMore(replacing) {
      var shown = current
      var batch = shown.ranked.slice(shown.shown, shown.shown + SHOWN_AT_ONCE)
      var asked = generation
      var replaced = !replacing
      if (!batch.length) {
        if (asked === generation && replacing)
          replacing()
        more.hidden = true
        return Promise.resolve()
      }
      // All asked for at once; placed in rank order as they come.
      var loads = batch.map(function (entry) { return shown.searcher.pages([entry.id]) })
      return loads.reduce(function (previous, load, at) {
        return previous.then(function () { return load }).then(function (records) {
          if (asked !== generation)
            return
          if (!replaced) {
            replacing()
            replaced = true
          }
          list.appendChild(resultItem(records[0], shown.siteRoot, batch[at].words.join(" "), shown.pattern))
          shown.shown += 1
          more.hidden = shown.shown >= shown.ranked.length
        })
      }, Promise.resolve())
    }

    function showNone(outcome) {
      none.hidden = false
      suggestion.textContent = ""
      suggestion.hidden = !outcome.suggestion
      if (outcome.suggestion) {
        var link = document.createElement("a")
        link.href = "?" + new URLSearchParams({ q: outcome.suggestion }).toString()
        link.textContent = outcome.suggestion
        link.setAttribute("data-hc-search-suggested", "")
        link.addEventListener("click", function (event) {
          event.preventDefault()
          open(outcome.suggestion)
        })
        suggestion.append("Did you mean ", link, "?")
      }
    }

    function render(query, outcome, loaded) {
      var count = outcome.ranked.length
      var corrected = outcome.plan.corrected
      current = {
        query: query,
        siteRoot: loaded.siteRoot,
        searcher: loaded.searcher,
        ranked: outcome.ranked,
        shown: 0,
        pattern: wordsPattern(outcome.words)
      }
      reporter.shown(query, count)
      // The count, the correction and the results change together, so what is read is consistent.
      var asked = generation
      return showMore(function () {
        // A result that had the keyboard's focus is about to go: the focus goes back to the query.
        if (list.contains(document.activeElement))
          input.focus()
        list.textContent = ""
        none.hidden = true
        if (count === 0) {
          meta.textContent = MESSAGES.none + " \u201c" + query.trim() + "\u201d"
          showNone(outcome)
        } else {
          meta.textContent = count === 1 ? MESSAGES.one : MESSAGES.other.replace("#", count)
        }
        notice.textContent = ""
        notice.hidden = !corrected || count === 0
        if (corrected && count) {
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
        none.hidden = true
        reporter.shown("", 0)
        if (engine)
          meta.textContent = MESSAGES.placeholder
        return Promise.resolve()
      }
      return start().then(function (loaded) {
        // Typing went on while the engine loaded: only the latest query is searched, and only
        // once typing pauses, since a half-typed word fetches files of the index for nothing.
        if (asked !== generation)
          return
        var typing = TYPING_PAUSE_MS - (Date.now() - lastInputAt)
        if (typing > 0) {
          clearTimeout(typingTimer)
          typingTimer = setTimeout(run, typing)
          return
        }
        var query = input.value
        // The last word is still being typed until a space or a pause that ends the query.
        var unfinished = !typedWhole && WORD_CHARACTER.test(query.slice(-1))
        return loaded.searcher.search(query, unfinished).then(function (outcome) {
          if (asked === generation)
            return render(query, outcome, loaded)
        })
      }).catch(function () {
        if (asked === generation)
          meta.textContent = MESSAGES.unavailable
      })
    }

    /* Search for `text`, put in whole; or, `typing`, as if typed here (the home page's box). */
    function open(text, typing) {
      input.value = text
      input.focus()
      setOpen(true)
      if (typing) {
        input.dispatchEvent(new Event("input"))
        return
      }
      typedWhole = true
      lastInputAt = 0
      clearTimeout(typingTimer)
      run()
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
      typedWhole = false
      clearTimeout(typingTimer)
      // While the engine loads, each letter only asks for the query typed by then; once it has
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
    none.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a:not([data-hc-search-suggested])")
      if (link)
        reporter.opened(current.query, 0, new URL(link.href, document.baseURI).pathname)
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

    container.helpCentreSearch = { open: open }

    // The missing page's form, and links from elsewhere, arrive with the query in `?q=`.
    var asked = new URLSearchParams(location.search).get("q")
    if (asked)
      open(asked)
    // Loaded async: a reader may have typed in the box, or focused it, before this ran.
    else if (input.value.trim()) {
      setOpen(true)
      input.dispatchEvent(new Event("input"))
    } else if (document.activeElement === input) {
      setOpen(true)
      start().catch(function () {})
    }
  }

  /* `?h=` from a search result: the words it matched, marked in the article opened. */
  function highlightSearchedWords() {
    var searched = new URLSearchParams(location.search).get("h")
    var content = document.querySelector(".md-content article")
    var pattern = searched && wordsPattern(searched.split(/\s+/))
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

  /* The home page's big search box hands what is typed to the header's search. */
  function setUpHeroSearch() {
    var form = document.querySelector("[data-hc-hero-search]")
    if (!form)
      return
    var input = form.querySelector("input")
    // Typed into before this script ran: handed over now.
    if (input.value) {
      window.helpCentreSearch.open(input.value, true)
      input.value = ""
    }
    input.addEventListener("input", function () {
      var text = input.value
      input.value = ""
      window.helpCentreSearch.open(text, true)
    })
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      window.helpCentreSearch.open(input.value)
    })
  }

  function setUpAll() {
    document.querySelectorAll("[data-hc-search]").forEach(setUp)
    setUpHeroSearch()
    highlightSearchedWords()
  }

  window.helpCentreSearch = {
    open: function (text, typing) {
      var container = document.querySelector("[data-hc-search]")
      if (container && container.helpCentreSearch)
        container.helpCentreSearch.open(text, typing)
    }
  }

  // Loaded async: the document may be parsed already.
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", setUpAll)
  else
    setUpAll()
})()
