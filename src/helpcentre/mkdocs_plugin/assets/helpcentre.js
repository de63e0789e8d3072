/* The home page's big search box hands what is typed to the theme's search dialog. */
(function () {
  function openThemeSearch(text) {
    var toggle = document.getElementById("__search")
    var query = document.querySelector("[data-md-component=search-query]")
    if (!toggle || !query)
      return false
    if (!toggle.checked) {
      toggle.checked = true
      toggle.dispatchEvent(new Event("change"))
    }
    query.value = text
    query.focus()
    query.dispatchEvent(new Event("input", { bubbles: true }))
    query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
    return true
  }

  function setUpHeroSearch() {
    var form = document.querySelector("[data-hc-hero-search]")
    if (!form)
      return
    var input = form.querySelector("input")
    input.addEventListener("input", function () {
      if (openThemeSearch(input.value))
        input.value = ""
    })
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      openThemeSearch(input.value)
    })
  }

  if (typeof document$ !== "undefined")
    document$.subscribe(setUpHeroSearch)
  else
    document.addEventListener("DOMContentLoaded", setUpHeroSearch)
})()
