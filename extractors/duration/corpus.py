"""Duration corpus: stated units become days (month = 30.4375, year = 365.25)."""
from extractors.corpus import ex, no

EXAMPLES = [
    ex("The unit returned from a four-month deployment.", kind="duration", value=121.75, unit="day"),
    ex("They served an approximately 120-day rotation.", kind="duration", low=108, high=132),
    ex("The ceasefire lasted 37 days.", kind="duration", value=37),
    ex("The strike ended after 17 days.", kind="duration", value=17),
    ex("A 72-hour truce began at dawn.", kind="duration", value=3),
    ex("The loan carries a 25-year maturity.", kind="duration", value=9131.25),
    ex("Repairs will take 14 months.", kind="duration", value=426.125),
    ex("The mandate was extended by 12 months.", kind="duration", value=365.25),
    ex("Residents went without water for nearly three weeks.", kind="duration", low=18.9, high=21),
    ex("The backlog will take three to four weeks to clear.", kind="duration", low=21, high=28, qualifier="range"),
    ex("Reconstruction could take up to five years.", kind="duration", high=1826.25, hedged=True),
    ex("The plant will close within six months.", kind="duration", qualifier="at_most", high=182.625),
    ex("Ceasefires collapsed within a week.", kind="duration", qualifier="at_most", high=7),
    ex("She has waited more than a month.", kind="duration", qualifier="more_than", low=30.4375),
    ex("The rise is spread over two years.", kind="duration", value=730.5, qualifier="exact"),
    ex("Recounts must be requested within 72 hours.", kind="duration", high=3),
    ex("The season lasts 18 months.", kind="duration", value=547.875),
    ex("Displaced people spent at least three days without shelter.", kind="duration", qualifier="at_least", low=3),
    ex("The campaign lasted two weeks.", kind="duration", value=14),
    ex("The crew spent 29 days in captivity.", kind="duration", value=29),
    ex("Severe seasons may come every three to five years.", kind="duration", low=1095.75, high=1826.25, hedged=True),
    ex("The vessel will be out of service for six to eight weeks.", kind="duration", low=42, high=56),
    ex("The trial lasted a decade.", kind="duration", value=3652.5, xfail="bare 'a decade' without a qualifier"),
    ex("Voting was extended by 90 minutes.", kind="duration", value=0.0625),
]
EXAMPLES += [
    ex("The war could last another two or three years.", kind="duration", qualifier="range", low=730.5, high=1095.75, hedged=True),
    ex("Talks broke down after 36 hours, mediators said.", kind="duration", value=1.5, attribution="mediators"),
    ex("Day 12 of the strike: 400 flights cancelled", kind="count", value=400, unit="flight", style="live blog"),
]
NEGATIVE = [
    no("The war began two years ago."),
    no("He is 29 years old."),
    no("Prices rose year-on-year."),
    no("Published about a year ago"),
    no("It was the longest day of the year."),
    no("The monthly report is due."),
]
