/* Listings of events and courses: filters, and moving events that ended to the archive.
 *
 * The page is complete without this script: every item of the page is listed and the build
 * has already split upcoming and past events. A long listing is paged (events/upcoming/,
 * events/archive/2/...): the script works on the items of the page it runs on, and the page
 * itself says so beside the filters and links the other pages. A static page ages, so this
 * script redoes the split with the reader's clock (each item's data-end is an ISO
 * timestamp), hides dates of repeating events that have passed, and shows the filter form.
 * It holds no words: every label is in the page. Plain ES2017, no dependencies.
 */
(function () {
  "use strict";

  function time(value) {
    const t = Date.parse(value || "");
    return Number.isNaN(t) ? null : t;
  }

  function hasEnded(el, now) {
    const end = time(el.getAttribute("data-end"));
    return end !== null && end <= now;
  }

  /* Hide the passed dates of a repeating event; the start of the next one, or null. */
  function refreshDates(scope, now) {
    let next = null;
    scope.querySelectorAll(".ici-next-dates > li[data-end]").forEach(function (li) {
      const past = hasEnded(li, now);
      li.hidden = past;
      if (!past && next === null) {
        next = time(li.getAttribute("data-start"));
      }
    });
    // a page built long ago may have no coming date left to show
    scope.querySelectorAll("[data-ici-next]").forEach(function (box) {
      box.hidden = !box.querySelector("li[data-end]:not([hidden])");
    });
    return next;
  }

  /* Put every event in the upcoming list (soonest first) or the archive (latest first). */
  function placeByTime(listing, now) {
    const upcoming = listing.querySelector("[data-ici-upcoming]");
    const archive = listing.querySelector("[data-ici-archive]");
    if (!upcoming || !archive) {
      return;
    }
    const soon = [];
    const past = [];
    upcoming.querySelectorAll(":scope > [data-ici-item]").forEach(collect);
    archive.querySelectorAll(":scope > [data-ici-item]").forEach(collect);

    function collect(item) {
      const next = refreshDates(item, now);
      const entry = {
        item: item,
        start: next !== null ? next : time(item.getAttribute("data-start")) || 0,
        end: time(item.getAttribute("data-end")) || 0,
      };
      (hasEnded(item, now) ? past : soon).push(entry);
    }

    soon.sort(function (a, b) { return a.start - b.start; });
    past.sort(function (a, b) { return b.end - a.end; });
    soon.forEach(function (e) { upcoming.appendChild(e.item); });
    past.forEach(function (e) { archive.appendChild(e.item); });

    const section = listing.querySelector("[data-ici-archive-section]");
    if (section) {
      section.hidden = past.length === 0;
    }
    // a page that lists only the first upcoming entries links the rest: later ones may
    // still be coming, so it never says that nothing is
    const more = listing.querySelector(".ici-upcoming [data-ici-see-all]");
    const empty = listing.querySelector("[data-ici-empty]");
    if (empty) {
      empty.hidden = soon.length > 0 || more !== null;
    }
  }

  /* Show only the items that match every chosen filter value. */
  function applyFilters(listing, form) {
    const chosen = {};
    form.querySelectorAll("select").forEach(function (select) {
      if (select.value) {
        chosen[select.name] = select.value;
      }
    });
    const free = form.querySelector('input[name="free"]');
    const freeOnly = Boolean(free && free.checked);
    let shown = 0;
    listing.querySelectorAll("[data-ici-item]").forEach(function (item) {
      let match = Object.keys(chosen).every(function (key) {
        const values = (item.getAttribute("data-" + key) || "").split(" ");
        return values.indexOf(chosen[key]) !== -1;
      });
      if (freeOnly && item.getAttribute("data-free") !== "true") {
        match = false;
      }
      item.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    listing.querySelectorAll("[data-ici-group]").forEach(function (group) {
      group.hidden = !group.querySelector("[data-ici-item]:not([hidden])");
    });
    const none = form.querySelector("[data-ici-no-match]");
    if (none) {
      none.hidden = shown > 0;
    }
    const active = listing.querySelector("[data-ici-filter-active]");
    if (active) {
      const n = Object.keys(chosen).length + (freeOnly ? 1 : 0);
      active.textContent = n ? "(" + active.getAttribute("data-template").replace("{n}", String(n)) + ")" : "";
    }
  }

  /* The filters fold behind one button (aria-expanded), which says how many are on. */
  function setUpToggle(listing, form) {
    const toggle = listing.querySelector("[data-ici-filter-toggle]");
    if (!toggle) {
      form.hidden = false;
      return;
    }
    toggle.addEventListener("click", function () {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      form.hidden = !open;
    });
    toggle.classList.add("is-ready");
  }

  function setUpListing(listing, now) {
    if (listing.hasAttribute("data-ici-timed")) {
      placeByTime(listing, now);
    }
    const form = listing.querySelector("[data-ici-filters]");
    if (!form) {
      return;
    }
    const update = function () { applyFilters(listing, form); };
    form.addEventListener("change", update);
    form.addEventListener("input", update);
    // a reset changes the controls after the event: filter once they hold their defaults
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    setUpToggle(listing, form);
    update();
  }

  function setUpPage(page, now) {
    refreshDates(page, now);
    const notice = page.querySelector("[data-ici-ended]");
    if (notice) {
      notice.hidden = !hasEnded(page, now);
    }
  }

  const now = Date.now();
  document.querySelectorAll("[data-ici-listing]").forEach(function (listing) {
    setUpListing(listing, now);
  });
  document.querySelectorAll("[data-ici-timed-page]").forEach(function (page) {
    setUpPage(page, now);
  });
})();
