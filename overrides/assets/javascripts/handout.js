/* The printable handout: the client's region picks, for each service, the place to call
   (its phone and hours), and a button prints the page. Without this script the first
   place (the main office) is shown and the browser's own print works. The region is kept
   in the address (?region=latgale), so a link or a reload keeps it. */
(function () {
  "use strict";
  const tools = document.querySelector("[data-ici-handout-tools]");
  const select = document.querySelector("[data-ici-handout-region]");
  if (!tools || !select) return;

  function show(region) {
    document.querySelectorAll(".ici-handout__services > li").forEach((item) => {
      const points = Array.from(item.querySelectorAll(".ici-handout__point"));
      const match = points.find((p) => p.getAttribute("data-region") === region) || points[0];
      points.forEach((p) => {
        p.hidden = p !== match;
      });
    });
  }

  const wanted = new URLSearchParams(window.location.search).get("region");
  if (wanted && Array.from(select.options).some((o) => o.value === wanted)) select.value = wanted;
  select.addEventListener("change", () => {
    const params = new URLSearchParams(window.location.search);
    params.set("region", select.value);
    window.history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    show(select.value);
  });
  document.querySelector("[data-ici-handout-print]").addEventListener("click", () => window.print());
  tools.classList.add("is-ready");
  show(select.value);
})();
