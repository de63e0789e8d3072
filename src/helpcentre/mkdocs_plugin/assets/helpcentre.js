/* The home page's big search box hands what is typed to the header's search (search.js). */
(function () {
  function setUpHeroSearch() {
    var form = document.querySelector("[data-hc-hero-search]")
    if (!form || !window.helpCentreSearch)
      return
    var input = form.querySelector("input")
    input.addEventListener("input", function () {
      var text = input.value
      input.value = ""
      window.helpCentreSearch.open(text)
    })
    form.addEventListener("submit", function (event) {
      event.preventDefault()
      window.helpCentreSearch.open(input.value)
    })
  }

  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", setUpHeroSearch)
  else
    setUpHeroSearch()
})()
