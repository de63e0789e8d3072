/* "Was this article helpful?": posts the reader's vote to the endpoint set in mkdocs.yml.
   Nothing here runs before a click, and a failed or slow post only says so: reading never waits. */
(function () {
  var TIMEOUT_MS = 8000
  var THANKS = "Thanks for your feedback."
  var FAILED = "Sorry, we could not send your feedback. The article is all here."

  function post(url, body) {
    var controller = typeof AbortController === "function" ? new AbortController() : null
    var timer = controller && setTimeout(function () { controller.abort() }, TIMEOUT_MS)
    return fetch(url, {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok)
        throw new Error("the feedback service answered " + response.status)
      return response.json().catch(function () { return {} })
    }).finally(function () {
      if (timer)
        clearTimeout(timer)
    })
  }

  function setUp(section) {
    if (section.hasAttribute("data-hc-feedback-ready"))
      return
    section.setAttribute("data-hc-feedback-ready", "")
    var endpoint = section.getAttribute("data-hc-feedback-endpoint")
    var article = Number(section.getAttribute("data-hc-feedback-article"))
    var choices = section.querySelector(".hc-feedback__choices")
    var no = section.querySelector("[data-hc-feedback-helpful=false]")
    var form = section.querySelector(".hc-feedback__form")
    var comment = form.querySelector("textarea")
    var status = section.querySelector(".hc-feedback__status")
    var sending = false

    // The "No" as sent when clicked: the service's answer, with the key its comment goes with.
    var sentNo = null

    function thank() {
      // Focus would fall to the top of the page with the hidden buttons; keep it here.
      var hadFocus = section.contains(document.activeElement)
      choices.hidden = true
      form.hidden = true
      status.textContent = THANKS
      if (hadFocus)
        status.focus()
    }

    function send(helpful, text) {
      // Not disabling the buttons: a disabled button drops the keyboard focus to the page's top.
      if (sending)
        return
      sending = true
      status.textContent = ""
      var vote = { article: article, helpful: helpful, page: location.origin + location.pathname }
      if (text)
        vote.comment = text
      post(endpoint, vote).then(thank, function () {
        status.textContent = FAILED
      }).finally(function () {
        sending = false
      })
    }

    section.querySelector("[data-hc-feedback-helpful=true]").addEventListener("click", function () {
      send(true)
    })
    no.addEventListener("click", function () {
      form.hidden = false
      no.setAttribute("aria-expanded", "true")
      comment.focus()
      // Counted now, whether or not a comment follows; sent once however often it is clicked.
      if (!sentNo)
        sentNo = post(endpoint, { article: article, helpful: false, page: location.origin + location.pathname })
          .catch(function () { return null })
    })
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      var text = comment.value.trim()
      ;(sentNo || Promise.resolve(null)).then(function (answer) {
        if (answer && answer.id && answer.comment_key) {
          if (!text)
            return thank()
          if (sending)
            return
          sending = true
          status.textContent = ""
          post(endpoint + "/" + answer.id + "/comment", { key: answer.comment_key, comment: text }).then(thank, function () {
            status.textContent = FAILED
          }).finally(function () {
            sending = false
          })
          return
        }
        // The "No" did not get through when clicked: it goes now, with the comment.
        send(false, text)
      })
    })
    section.hidden = false
  }

  function setUpAll() {
    document.querySelectorAll("[data-hc-feedback-endpoint]").forEach(setUp)
  }

  // Material's document$ emits on every page, instant navigation included.
  if (typeof document$ !== "undefined")
    document$.subscribe(setUpAll)
  else if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", setUpAll)
  else
    setUpAll()
})()
