/* Opening-hours badge: "Open now, closes at 17:00" / "Closed, opens Monday 09:00".
 *
 * Computed when the page is viewed (not when the site is built), in Europe/Riga time
 * whatever the reader's own time zone, with Latvia's public holidays as closed days.
 * The page stays complete without this script: the hours table says the same in words.
 *
 * One plain ES2017 file, no build step. In the browser it fills every element with a
 * data-ici-hours attribute (JSON schedules from ici.views.contacts.hours_data), using the
 * texts in <script id="ici-hours-strings"> (data/strings/<lang>.yaml and Babel weekday names) and
 * the days off it gives for the years around the build (ici.holiday_days).
 * Under node it exports the pure functions for tests/js/opening-hours.test.js.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.IciOpeningHours = api;
    api.start(root.document);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const TIME_ZONE = "Europe/Riga";
  const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  const DAY_MS = 86400000;
  // Fixed-date public holidays (Law on Public Holidays, Remembrance Days and Celebration
  // Days): New Year, Labour Day, Restoration of Independence, Midsummer Eve and Day,
  // Proclamation Day, Christmas Eve, Christmas, Second Christmas Day, New Year's Eve.
  const FIXED_HOLIDAYS = ["01-01", "05-01", "05-04", "06-23", "06-24", "11-18",
    "12-24", "12-25", "12-26", "12-31"];
  // When 4 May or 18 November falls on a Saturday or Sunday, the next Monday is free.
  const MOVED_TO_MONDAY = ["05-04", "11-18"];
  // Good Friday, Easter Sunday and Easter Monday, in days from Easter Sunday.
  const EASTER_OFFSETS = [-2, 0, 1];

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // A calendar day as a UTC midnight timestamp: plain day arithmetic, no time zone.
  function dayStamp(year, month, day) {
    return Date.UTC(year, month - 1, day);
  }

  function monthDay(stamp) {
    const d = new Date(stamp);
    return pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }

  // Monday = 0 ... Sunday = 6, as in DAYS.
  function weekdayIndex(stamp) {
    return (new Date(stamp).getUTCDay() + 6) % 7;
  }

  /** Easter Sunday of a Gregorian year (anonymous algorithm, Meeus/Jones/Butcher). */
  function easterSunday(year) {
    const a = year % 19;
    const b = Math.floor(year / 100);
    const c = year % 100;
    const d = Math.floor(b / 4);
    const e = b % 4;
    const f = Math.floor((b + 8) / 25);
    const g = Math.floor((b - f + 1) / 3);
    const h = (19 * a + b - d - g + 15) % 30;
    const i = Math.floor(c / 4);
    const k = c % 4;
    const l = (32 + 2 * e + 2 * i - h - k) % 7;
    const m = Math.floor((a + 11 * h + 22 * l) / 451);
    const month = Math.floor((h + l - 7 * m + 114) / 31);
    const day = ((h + l - 7 * m + 114) % 31) + 1;
    return { year: year, month: month, day: day };
  }

  let holidayCache = {};
  // Days off from the build ("holidays" package: moved and one-off days too), by year:
  // {"2026": "01-01 01-02 ..."}; years not in it use the rules above.
  let knownDays = {};

  /** Use the build's list of days off ({year: "MM-DD MM-DD ..."}) for the years it covers. */
  function useHolidays(byYear) {
    knownDays = {};
    holidayCache = {};
    if (!byYear || typeof byYear !== "object") {
      return;
    }
    Object.keys(byYear).forEach(function (year) {
      if (/^\d{4}$/.test(year) && typeof byYear[year] === "string") {
        knownDays[year] = byYear[year];
      }
    });
  }

  /** Latvia's public holidays of a year as a set of "MM-DD" strings. */
  function holidays(year) {
    if (holidayCache[year]) {
      return holidayCache[year];
    }
    if (Object.prototype.hasOwnProperty.call(knownDays, String(year))) {
      holidayCache[year] = new Set(knownDays[String(year)].split(" ").filter(Boolean));
      return holidayCache[year];
    }
    const set = new Set(FIXED_HOLIDAYS);
    const easter = easterSunday(year);
    const easterStamp = dayStamp(year, easter.month, easter.day);
    EASTER_OFFSETS.forEach(function (offset) {
      set.add(monthDay(easterStamp + offset * DAY_MS));
    });
    MOVED_TO_MONDAY.forEach(function (md) {
      const stamp = dayStamp(year, Number(md.slice(0, 2)), Number(md.slice(3)));
      const wd = weekdayIndex(stamp);
      if (wd >= 5) {
        set.add(monthDay(stamp + (7 - wd) * DAY_MS));
      }
    });
    holidayCache[year] = set;
    return set;
  }

  /** True when the calendar day (year, month 1-12, day) is a public holiday in Latvia. */
  function isHoliday(year, month, day) {
    return holidays(year).has(pad(month) + "-" + pad(day));
  }

  const rigaFormat = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  });

  /** The Riga wall-clock date and minute of the day of an instant (a Date). */
  function rigaTime(instant) {
    const parts = {};
    rigaFormat.formatToParts(instant).forEach(function (p) {
      parts[p.type] = p.value;
    });
    const hour = Number(parts.hour) % 24; // some engines print midnight as 24
    return {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      minutes: hour * 60 + Number(parts.minute),
    };
  }

  function toMinutes(hhmm) {
    return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  }

  // The opening intervals of a weekday, earliest first.
  function intervals(schedules, dayCode) {
    return schedules
      .filter(function (s) {
        return s.byday.indexOf(dayCode) !== -1;
      })
      .map(function (s) {
        return {
          opens: toMinutes(s.opens),
          closes: toMinutes(s.closes),
          opensLabel: s.opens_label || s.opens,
          closesLabel: s.closes_label || s.closes,
        };
      })
      .sort(function (a, b) {
        return a.opens - b.opens;
      });
  }

  /**
   * Whether a place with weekly schedules is open at an instant, in Riga time.
   * Returns {open: true, closes} or {open: false, holiday, opensDay, opensAt, today};
   * opensDay is null when it never opens in the next weeks (no schedules).
   */
  function status(schedules, instant) {
    const now = rigaTime(instant);
    const today = dayStamp(now.year, now.month, now.day);
    const holiday = isHoliday(now.year, now.month, now.day);
    if (!holiday) {
      const open = intervals(schedules, DAYS[weekdayIndex(today)]).find(function (iv) {
        return iv.opens <= now.minutes && now.minutes < iv.closes;
      });
      if (open) {
        return { open: true, closes: open.closesLabel };
      }
    }
    // Weekends and holidays close a place for at most five days in a row (Christmas);
    // three weeks ahead is plenty, and an empty schedule ends the search.
    for (let offset = 0; offset <= 21; offset += 1) {
      const stamp = today + offset * DAY_MS;
      const d = new Date(stamp);
      if (isHoliday(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) {
        continue;
      }
      const next = intervals(schedules, DAYS[weekdayIndex(stamp)]).find(function (iv) {
        return offset > 0 || iv.opens > now.minutes;
      });
      if (next) {
        return {
          open: false,
          holiday: holiday,
          opensDay: DAYS[weekdayIndex(stamp)],
          opensAt: next.opensLabel,
          today: offset === 0,
        };
      }
    }
    return { open: false, holiday: holiday, opensDay: null, opensAt: null, today: false };
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
    });
  }

  /**
   * The badge text for schedules at an instant, or "" when nothing can be said.
   * strings: {messages: {open, opens_today, opens, holiday}, days: {MO: "Monday", ...}}.
   */
  function badgeText(schedules, strings, instant) {
    const s = status(schedules, instant);
    const msg = strings.messages;
    if (s.open) {
      return fill(msg.open, { time: s.closes });
    }
    if (!s.opensDay) {
      return "";
    }
    const next = s.today
      ? fill(msg.opens_today, { time: s.opensAt })
      : fill(msg.opens, { day: strings.days[s.opensDay], time: s.opensAt });
    return s.holiday ? msg.holiday + " " + next : next;
  }

  function render(doc, strings, instant) {
    const nodes = doc.querySelectorAll("[data-ici-hours]");
    Array.prototype.forEach.call(nodes, function (node) {
      let schedules;
      try {
        schedules = JSON.parse(node.getAttribute("data-ici-hours"));
      } catch (err) {
        return;
      }
      const text = badgeText(schedules, strings, instant);
      if (!text) {
        return;
      }
      node.textContent = text;
      node.classList.toggle("ici-badge--open", status(schedules, instant).open);
      node.hidden = false;
    });
  }

  /** Fill every badge of the page now and then every minute, so an open tab stays right. */
  function start(doc) {
    if (!doc) {
      return;
    }
    function run() {
      const source = doc.getElementById("ici-hours-strings");
      if (!source) {
        return;
      }
      let strings;
      try {
        strings = JSON.parse(source.textContent);
      } catch (err) {
        return;
      }
      useHolidays(strings.holidays);
      const update = function () {
        render(doc, strings, new Date());
      };
      update();
      setInterval(update, 60000);
    }
    if (doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", run);
    } else {
      run();
    }
  }

  return {
    TIME_ZONE: TIME_ZONE,
    easterSunday: easterSunday,
    holidays: holidays,
    useHolidays: useHolidays,
    isHoliday: isHoliday,
    rigaTime: rigaTime,
    status: status,
    badgeText: badgeText,
    render: render,
    start: start,
  };
});
