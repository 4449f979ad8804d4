// The opening-hours badge logic on fixed instants, run by `node --test tests/js/`.
// Instants are written in UTC; the comments give the Riga wall-clock time they stand for
// (UTC+2 in winter, UTC+3 from the last Sunday of March to the last Sunday of October).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const oh = require("../../overrides/assets/javascripts/opening-hours.js");

// The Riga office's hours as ici.views.contacts.hours_data emits them.
const WEEKDAYS_9_17 = [
  {
    byday: ["MO", "TU", "WE", "TH", "FR"],
    opens: "09:00",
    closes: "17:00",
    opens_label: "09:00",
    closes_label: "17:00",
  },
];

// Test texts in the shape of ici.views.contacts.badge_strings (real ones are in data/strings/).
const STRINGS = {
  messages: {
    open: "Open now, closes at {time}",
    opens_today: "Closed, opens today at {time}",
    opens: "Closed, opens {day} {time}",
    holiday: "Today is a public holiday.",
  },
  days: {
    MO: "Monday",
    TU: "Tuesday",
    WE: "Wednesday",
    TH: "Thursday",
    FR: "Friday",
    SA: "Saturday",
    SU: "Sunday",
  },
};

function at(iso) {
  return new Date(iso);
}

function text(iso, schedules = WEEKDAYS_9_17) {
  return oh.badgeText(schedules, STRINGS, at(iso));
}

test("weekday 8:59 Riga time: closed, opens today at 9:00", () => {
  // Thursday 19 November 2026, 08:59 in Riga
  assert.deepEqual(oh.status(WEEKDAYS_9_17, at("2026-11-19T06:59:00Z")), {
    open: false,
    holiday: false,
    opensDay: "TH",
    opensAt: "09:00",
    today: true,
  });
  assert.equal(text("2026-11-19T06:59:00Z"), "Closed, opens today at 09:00");
});

test("weekday 9:00 Riga time: open, closes at 17:00", () => {
  assert.deepEqual(oh.status(WEEKDAYS_9_17, at("2026-11-19T07:00:00Z")), {
    open: true,
    closes: "17:00",
  });
  assert.equal(text("2026-11-19T07:00:00Z"), "Open now, closes at 17:00");
});

test("weekday 16:59 Riga time: still open", () => {
  assert.equal(text("2026-11-19T14:59:00Z"), "Open now, closes at 17:00");
});

test("weekday 17:00 Riga time: closed, opens the next weekday", () => {
  assert.deepEqual(oh.status(WEEKDAYS_9_17, at("2026-11-19T15:00:00Z")), {
    open: false,
    holiday: false,
    opensDay: "FR",
    opensAt: "09:00",
    today: false,
  });
  assert.equal(text("2026-11-19T15:00:00Z"), "Closed, opens Friday 09:00");
});

test("summer weekday uses UTC+3: 8:59 closed, 9:00 open", () => {
  // Wednesday 15 July 2026
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-07-15T05:59:00Z")).open, false);
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-07-15T06:00:00Z")).open, true);
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-07-15T13:59:00Z")).open, true);
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-07-15T14:00:00Z")).open, false);
});

test("Saturday: closed, opens Monday 9:00", () => {
  // Saturday 21 November 2026, 12:00 in Riga
  assert.equal(text("2026-11-21T10:00:00Z"), "Closed, opens Monday 09:00");
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-11-21T10:00:00Z")).holiday, false);
});

test("18 November (Proclamation Day) on a weekday: closed all day", () => {
  // Wednesday 18 November 2026, 12:00 in Riga
  assert.deepEqual(oh.status(WEEKDAYS_9_17, at("2026-11-18T10:00:00Z")), {
    open: false,
    holiday: true,
    opensDay: "TH",
    opensAt: "09:00",
    today: false,
  });
  assert.equal(
    text("2026-11-18T10:00:00Z"),
    "Today is a public holiday. Closed, opens Thursday 09:00",
  );
  // the evening before, the next opening skips the holiday
  assert.equal(text("2026-11-17T15:30:00Z"), "Closed, opens Thursday 09:00");
});

test("18 November on a Saturday moves the day off to Monday", () => {
  // 18 November 2028 is a Saturday; Monday 20 November is free, Tuesday is a workday
  assert.equal(oh.isHoliday(2028, 11, 20), true);
  assert.equal(oh.isHoliday(2028, 11, 21), false);
  // Friday 17 November 2028, 17:30 in Riga
  assert.equal(text("2028-11-17T15:30:00Z"), "Closed, opens Tuesday 09:00");
});

test("4 May on a Sunday moves the day off to Monday 5 May", () => {
  assert.equal(oh.isHoliday(2025, 5, 4), true);
  assert.equal(oh.isHoliday(2025, 5, 5), true);
  assert.equal(oh.isHoliday(2026, 5, 4), true); // a Monday: nothing moves
  assert.equal(oh.isHoliday(2026, 5, 5), false);
});

test("Good Friday 2026 (3 April): closed until Tuesday after Easter Monday", () => {
  // Friday 3 April 2026, 12:00 in Riga (summer time)
  assert.deepEqual(oh.status(WEEKDAYS_9_17, at("2026-04-03T09:00:00Z")), {
    open: false,
    holiday: true,
    opensDay: "TU",
    opensAt: "09:00",
    today: false,
  });
  assert.equal(oh.isHoliday(2026, 4, 6), true); // Easter Monday
  assert.equal(oh.isHoliday(2026, 4, 2), false); // Maundy Thursday is a workday
});

test("Easter Sunday dates from the year", () => {
  const known = {
    2000: [4, 23],
    2019: [4, 21],
    2024: [3, 31],
    2025: [4, 20],
    2026: [4, 5],
    2027: [3, 28],
    2038: [4, 25],
    2285: [3, 22],
  };
  for (const [year, [month, day]] of Object.entries(known)) {
    assert.deepEqual(oh.easterSunday(Number(year)), { year: Number(year), month, day }, year);
  }
});

test("the holidays of 2026", () => {
  assert.deepEqual([...oh.holidays(2026)].sort(), [
    "01-01", "04-03", "04-05", "04-06", "05-01", "05-04",
    "06-23", "06-24", "11-18", "12-24", "12-25", "12-26", "12-31",
  ]);
});

test("DST change day in spring: the skipped hour and the first Monday", () => {
  // Sunday 29 March 2026: clocks go from 03:00 to 04:00 in Riga (01:00 UTC)
  assert.deepEqual(oh.rigaTime(at("2026-03-29T00:59:00Z")), {
    year: 2026, month: 3, day: 29, minutes: 2 * 60 + 59,
  });
  assert.deepEqual(oh.rigaTime(at("2026-03-29T01:00:00Z")), {
    year: 2026, month: 3, day: 29, minutes: 4 * 60,
  });
  assert.equal(text("2026-03-29T12:00:00Z"), "Closed, opens Monday 09:00");
  // Monday 30 March: 09:00 in Riga is now 06:00 UTC, a week earlier it was 07:00 UTC
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-03-30T05:59:00Z")).open, false);
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-03-30T06:00:00Z")).open, true);
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-03-23T06:00:00Z")).open, false);
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-03-23T07:00:00Z")).open, true);
});

test("DST change day in spring with hours across the switch", () => {
  const sundayNight = [{ byday: ["SU"], opens: "02:00", closes: "05:00" }];
  assert.equal(oh.status(sundayNight, at("2026-03-29T00:59:00Z")).open, true); // 02:59
  assert.equal(oh.status(sundayNight, at("2026-03-29T01:59:00Z")).open, true); // 04:59
  assert.equal(oh.status(sundayNight, at("2026-03-29T02:00:00Z")).open, false); // 05:00
});

test("DST change day in autumn: the repeated hour and the first Monday", () => {
  // Sunday 25 October 2026: clocks go from 04:00 back to 03:00 in Riga (01:00 UTC)
  assert.equal(oh.rigaTime(at("2026-10-25T00:30:00Z")).minutes, 3 * 60 + 30);
  assert.equal(oh.rigaTime(at("2026-10-25T01:30:00Z")).minutes, 3 * 60 + 30);
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-10-26T06:59:00Z")).open, false);
  assert.equal(oh.status(WEEKDAYS_9_17, at("2026-10-26T07:00:00Z")).open, true);
});

test("New Year's Eve: the next opening is after the New Year weekend", () => {
  // Thursday 31 December 2026; 1 January 2027 is a Friday
  assert.equal(
    text("2026-12-31T10:00:00Z"),
    "Today is a public holiday. Closed, opens Monday 09:00",
  );
});

test("Midsummer: 23 and 24 June are closed", () => {
  // Tuesday 23 June 2026, 10:00 in Riga
  assert.equal(
    text("2026-06-23T07:00:00Z"),
    "Today is a public holiday. Closed, opens Thursday 09:00",
  );
});

test("the reader's own time zone does not matter", () => {
  const saved = process.env.TZ;
  try {
    process.env.TZ = "America/Los_Angeles";
    assert.equal(text("2026-11-19T07:00:00Z"), "Open now, closes at 17:00");
    process.env.TZ = "Pacific/Auckland";
    assert.equal(text("2026-11-19T06:59:00Z"), "Closed, opens today at 09:00");
  } finally {
    if (saved === undefined) {
      delete process.env.TZ;
    } else {
      process.env.TZ = saved;
    }
  }
});

test("a second interval on the same day and its labels", () => {
  const split = [
    { byday: ["MO"], opens: "09:00", closes: "12:00", opens_label: "9.00", closes_label: "12.00" },
    { byday: ["MO"], opens: "13:00", closes: "17:00", opens_label: "13.00", closes_label: "17.00" },
  ];
  // Monday 23 November 2026, 12:30 in Riga
  assert.equal(text("2026-11-23T10:30:00Z", split), "Closed, opens today at 13.00");
  assert.equal(text("2026-11-23T11:00:00Z", split), "Open now, closes at 17.00");
});

test("no schedules: nothing to say", () => {
  assert.equal(oh.status([], at("2026-11-19T07:00:00Z")).opensDay, null);
  assert.equal(text("2026-11-19T07:00:00Z", []), "");
});

// Days off from the `holidays` package, as the build embeds them for a build in 2024
// (tests/test_holiday_days.py checks that this file is what ici.holiday_days gives).
const BUILT_2024 = require("./holidays-lv-2024.json");

test("the build's days off: one-off and moved days the rules do not know", () => {
  // without the build's list, the rules miss them
  oh.useHolidays(null);
  for (const [y, m, d] of [[2023, 5, 29], [2023, 7, 10], [2025, 5, 2], [2025, 11, 17], [2026, 1, 2]]) {
    assert.equal(oh.isHoliday(y, m, d), false, `${y}-${m}-${d} without the list`);
  }
  oh.useHolidays(BUILT_2024);
  try {
    // hockey bronze day, Song and Dance Celebration, and days off moved from Saturdays
    for (const [y, m, d] of [[2023, 5, 29], [2023, 7, 10], [2025, 5, 2], [2025, 11, 17], [2026, 1, 2]]) {
      assert.equal(oh.isHoliday(y, m, d), true, `${y}-${m}-${d} with the list`);
    }
    assert.equal(oh.isHoliday(2026, 1, 5), false);
    // Friday 2 January 2026, 10:00 in Riga: closed, opens Monday
    assert.deepEqual(oh.status(WEEKDAYS_9_17, at("2026-01-02T08:00:00Z")), {
      open: false,
      holiday: true,
      opensDay: "MO",
      opensAt: "09:00",
      today: false,
    });
    // a year outside the list falls back to the rules: 18 November 2035 is a Sunday
    assert.equal(oh.isHoliday(2035, 11, 19), true);
    assert.equal(oh.isHoliday(2035, 11, 20), false);
  } finally {
    oh.useHolidays(null);
  }
});

test("a malformed list of days off is ignored", () => {
  oh.useHolidays({ "20x6": "01-02", 2026: 5 });
  try {
    assert.equal(oh.isHoliday(2026, 1, 2), false);
    assert.equal(oh.isHoliday(2026, 1, 1), true);
  } finally {
    oh.useHolidays(null);
  }
});
