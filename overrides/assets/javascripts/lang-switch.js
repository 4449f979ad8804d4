/* Language links keep the reader's query string: a filtered register
   (?cost=free&region=latgale) stays filtered in the other language. Without JavaScript the
   links still lead to the same page in the other language. Joined after the theme's script
   into assets/javascripts/ici.<hash>.js (hooks/ici/assets.py). */
(function () {
  "use strict";
  function keepQuery(link) {
    var base = link.getAttribute("data-ici-lang-href");
    if (base === null) {
      base = link.getAttribute("href");
      link.setAttribute("data-ici-lang-href", base);
    }
    link.setAttribute("href", base + window.location.search);
  }
  function onEvent(event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-ici-lang]") : null;
    if (link) keepQuery(link);
  }
  // just before the link is used (the register changes the query string as filters change)
  ["pointerdown", "focusin", "click", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, onEvent, true);
  });
  document.querySelectorAll("a[data-ici-lang]").forEach(keepQuery);
})();
