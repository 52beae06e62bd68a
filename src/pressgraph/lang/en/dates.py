"""English dates: data only, the :class:`~pressgraph.lang.lexicon.DateWords`."""

from pressgraph.lang.lexicon import DateWords

# Word lists are laid out by hand, several words a line.
# fmt: off
DATES = DateWords(
    # Matched with a capital letter only: "may" is a verb.
    months={
        "January": 1, "Jan": 1, "Jan.": 1, "February": 2, "Feb": 2, "Feb.": 2, "March": 3,
        "Mar": 3, "Mar.": 3, "April": 4, "Apr": 4, "Apr.": 4, "May": 5, "June": 6, "Jun": 6,
        "Jun.": 6, "July": 7, "Jul": 7, "Jul.": 7, "August": 8, "Aug": 8, "Aug.": 8,
        "September": 9, "Sept": 9, "Sept.": 9, "Sep": 9, "Sep.": 9, "October": 10, "Oct": 10,
        "Oct.": 10, "November": 11, "Nov": 11, "Nov.": 11, "December": 12, "Dec": 12, "Dec.": 12,
    },
    weekdays=(
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    ),
    first_day=(),
    day_suffixes=("st", "nd", "rd", "th"),
    date_prepositions={
        "until": "until",
        "till": "until",
        "through": "until",
        "thru": "until",
        "by": "until",
        "no later than": "until",
        "expires in": "until",
        "expiring in": "until",
        "due": "until",
        "due in": "until",
        "since": "since",
        "starting in": "since",
        "beginning in": "since",
        "as from": "since",
        "in": "point",
        "on": "point",
        "at": "point",
        "as of": "point",
        "during": "point",
    },
    period_modifiers=(
        "the end of", "the beginning of", "the start of", "the middle of", "end-", "mid-",
        "early", "late", "the first half of", "the second half of", "fiscal", "calendar",
        "the year", "year-end", "end",
    ),
    relative_periods={
        "last year": ("year", -1),
        "next year": ("year", 1),
        "this year": ("year", 0),
        "earlier this year": ("year", 0),
        "later this year": ("year", 0),
        "last month": ("month", -1),
        "next month": ("month", 1),
        "this month": ("month", 0),
        "earlier this month": ("month", 0),
        "later this month": ("month", 0),
        "last week": ("week", -1),
        "next week": ("week", 1),
    },
    past_markers=("last", "this past"),
    future_markers=("next", "this coming"),
    not_year_after=(
        "GMT", "EST", "EDT", "CST", "CDT", "PST", "PDT", "BST", "UTC", "hrs", "hours", "local",
        "shares", "people", "employees", "jobs", "acres", "tons", "tonnes", "barrels", "ounces",
        "feet", "miles", "km", "units", "stores", "points", "votes", "cars", "years", "days",
    ),
    day_month_links=("of",),
    month_first=True,
    # English weekdays are dates in "on Monday" only, which is not read yet.
    weekdays_alone=False,
    weekday_determiners=(),
    wire_dateline_months=(
        "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
    ),
)
# fmt: on
