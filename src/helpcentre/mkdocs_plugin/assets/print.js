/* The article's Print button. Step screenshots load lazily, only as the reader scrolls to them:
   a printout started at the top of the page would leave the later ones blank. So every image
   is loaded first, and the print dialog opens once they all have (or after a deadline). */
(function () {
  // Material's instant navigation runs this file again on every page; one listener is enough.
  if (window.helpcentrePrintReady)
    return
  window.helpcentrePrintReady = true

  var IMAGE_DEADLINE_MS = 10000

  function loadEveryImage() {
    var images = Array.prototype.slice.call(document.images)
    var pending = images.map(function (image) {
      if (image.loading === "lazy")
        image.loading = "eager"
      if (image.complete)
        return Promise.resolve()
      return new Promise(function (resolve) {
        image.addEventListener("load", resolve, { once: true })
        image.addEventListener("error", resolve, { once: true })
      })
    })
    var deadline = new Promise(function (resolve) { setTimeout(resolve, IMAGE_DEADLINE_MS) })
    return Promise.race([Promise.all(pending), deadline])
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest(".hc-print")
    if (!button || button.disabled)
      return
    button.disabled = true
    loadEveryImage().then(function () {
      button.disabled = false
      window.print()
    })
  })

  // Printing from the browser's menu or with Ctrl+P: start the loads at least.
  window.addEventListener("beforeprint", loadEveryImage)
})()
