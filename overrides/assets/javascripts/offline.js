/* Offline reading: registers the service worker of the page's language (sw.js, beside the
   language's web app manifest; built by hooks/ici_mkdocs/offline.py). Only in a secure
   context (HTTPS or localhost) and where browsers have service workers; elsewhere the
   site works as before. When a newer build's worker takes over an open page, the page is
   reloaded once, so it never shows an older build's text with a newer one's files. */
(function () {
  "use strict";
  var manifest = document.querySelector('link[rel="manifest"]');
  if (!manifest || !window.isSecureContext || !("serviceWorker" in navigator)) {
    return;
  }
  var container = navigator.serviceWorker;
  var worker = new URL("sw.js", manifest.href);
  // Reload only when a newer build of the same worker takes over. The first worker taking
  // over a page loaded from the network changes nothing on it, nor does the page's own
  // language's worker taking over from the default language's (a wider scope).
  var current = container.controller ? container.controller.scriptURL : null;
  var reloading = false;
  container.addEventListener("controllerchange", function () {
    var next = container.controller ? container.controller.scriptURL : null;
    if (current && next === current && !reloading) {
      reloading = true;
      window.location.reload();
    }
    current = next;
  });
  container.register(worker.href, { scope: new URL("./", worker).href }).catch(function () {
    // no worker (private mode, storage full): the site works online as before
  });
})();
