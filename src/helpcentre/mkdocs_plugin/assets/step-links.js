/* Each numbered step's "Copy link" copies the article's short link to that step (/a/101/#step-2),
   for support replies: it outlives a renamed or moved article, and the short page keeps the step. */
(function () {
  function stepAddress(link, page) {
    // Relative to the page, so it is right on any host and under any path.
    var address = new URL(page, window.location.href)
    // Without this reader's query: a page opened from search carries the search's highlight
    // (?h=change+card), which the reader of a support reply has no use for.
    address.search = ""
    address.hash = link.getAttribute("href")
    return address.href
  }

  function shortLink(link) {
    var body = link.closest("[data-hc-short-link]")
    return stepAddress(link, body ? body.getAttribute("data-hc-short-link") : window.location.href)
  }

  function copyWithoutClipboardApi(text) {
    // Pages served over plain http (other than localhost) have no navigator.clipboard.
    var field = document.createElement("textarea")
    field.value = text
    field.setAttribute("readonly", "")
    field.style.position = "fixed"
    field.style.opacity = "0"
    document.body.appendChild(field)
    field.select()
    var copied = document.execCommand("copy")
    document.body.removeChild(field)
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"))
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext)
      return navigator.clipboard.writeText(text).catch(function () { return copyWithoutClipboardApi(text) })
    return copyWithoutClipboardApi(text)
  }

  function announce(message) {
    var status = document.querySelector("[data-hc-step-link-status]")
    if (!status) {
      status = document.createElement("p")
      status.className = "hc-step-link-status"
      status.setAttribute("data-hc-step-link-status", "")
      status.setAttribute("role", "status")
      status.setAttribute("aria-live", "polite")
      document.body.appendChild(status)
    }
    status.textContent = message
    status.classList.add("hc-step-link-status--shown")
    window.clearTimeout(announce.timer)
    announce.timer = window.setTimeout(function () {
      status.classList.remove("hc-step-link-status--shown")
    }, 2500)
  }

  function setUpStepLinks() {
    document.querySelectorAll(".hc-step-link").forEach(function (link) {
      if (link.dataset.hcReady)
        return
      link.dataset.hcReady = "true"
      link.addEventListener("click", function (event) {
        event.preventDefault()
        var address = shortLink(link)
        // The address bar shows the step too, as a followed link would.
        history.replaceState(null, "", stepAddress(link, window.location.href))
        copy(address).then(
          function () { announce("Link to step " + link.dataset.step + " copied") },
          function () { announce("Copy this link: " + address) }
        )
      })
    })
  }

  if (typeof document$ !== "undefined")
    document$.subscribe(setUpStepLinks)
  else
    document.addEventListener("DOMContentLoaded", setUpStepLinks)
})()
