"""French dates: data only, the :class:`~pressgraph.lang.lexicon.DateWords`."""

from pressgraph.lang.lexicon import DateWords

# Word lists are laid out by hand, several words a line.
# fmt: off
DATES = DateWords(
    # Matched in lower case only: "Mars" is a planet.
    months={
        "janvier": 1, "janv.": 1, "février": 2, "fevrier": 2, "févr.": 2, "mars": 3,
        "avril": 4, "avr.": 4, "mai": 5, "juin": 6, "juillet": 7, "juil.": 7, "août": 8,
        "aout": 8, "septembre": 9, "sept.": 9, "octobre": 10, "oct.": 10, "novembre": 11,
        "nov.": 11, "décembre": 12, "decembre": 12, "déc.": 12,
    },
    weekdays=(
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ),
    first_day=("1er", "1ᵉʳ", "premier"),
    day_suffixes=(),
    date_prepositions={
        "jusqu'en": "until",
        "jusqu’en": "until",
        "jusqu'à": "until",
        "jusqu’à": "until",
        "jusqu'au": "until",
        "jusqu’au": "until",
        "d'ici": "until",
        "d’ici": "until",
        "d'ici à": "until",
        "d’ici à": "until",
        "avant": "until",
        "au plus tard en": "until",
        "au-delà de l'échéance de": "until",
        "au-delà de l’échéance de": "until",
        "au-delà de l'échéance actuelle de": "until",
        "au-delà de l’échéance actuelle de": "until",
        "depuis": "since",
        "à partir de": "since",
        "à compter de": "since",
        "en": "point",
        "le": "point",
        "dès": "point",
        "au": "point",
        "à": "point",
    },
    period_modifiers=(
        "fin", "début", "mi-", "courant", "la fin de", "le début de", "la fin de l'année",
        "la fin de l’année", "l'année", "l’année", "l'an", "l’an", "le", "la mi-",
    ),
    relative_periods={
        "l'an dernier": ("year", -1),
        "l’an dernier": ("year", -1),
        "l'année dernière": ("year", -1),
        "l’année dernière": ("year", -1),
        "l'an passé": ("year", -1),
        "l’an passé": ("year", -1),
        "l'année passée": ("year", -1),
        "l’année passée": ("year", -1),
        "l'an prochain": ("year", 1),
        "l’an prochain": ("year", 1),
        "l'année prochaine": ("year", 1),
        "l’année prochaine": ("year", 1),
        "cette année": ("year", 0),
        "désormais": ("month", 0),  # "valorisé désormais à N": as of the article
        "actuellement": ("month", 0),
        "le mois dernier": ("month", -1),
        "le mois prochain": ("month", 1),
        "ce mois-ci": ("month", 0),
        "la semaine dernière": ("week", -1),
        "hier": ("day", -1),
        "avant-hier": ("day", -2),
        "la semaine prochaine": ("week", 1),
    },
    past_markers=("dernier", "passé"),
    future_markers=("prochain",),
    not_year_after=(
        "h", "heures", "GMT", "UTC", "personnes", "salariés", "emplois", "employés", "habitants",
        "actions", "titres", "km", "kilomètres", "m", "mètres", "tonnes", "kg", "morts",
        "victimes", "voix", "postes", "exemplaires", "unités", "points", "ans", "jours",
    ),
    day_month_links=(),
    month_first=False,
    weekdays_alone=True,
    weekday_determiners=("ce",),
    wire_dateline_months=(),
)
# fmt: on
