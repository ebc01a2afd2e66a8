"""Casualty corpus: killed, wounded, killed_or_wounded, captured, missing, from verbs and nouns."""
from extractors.corpus import ex, no

K = dict(kind="casualties", casualty_type="killed")
W = dict(kind="casualties", casualty_type="wounded")
EXAMPLES = [
    ex("At least 312 people were killed in the earthquake.", **K, low=312, high=None),
    ex("Quake kills at least 300 in mountain province", **K, low=300, style="headline"),
    ex("The flood killed 45 people overnight.", **K, value=45),
    ex("Officials confirmed 290 deaths by Sunday night.", **K, value=290),
    ex("The death toll rose to 458.", **K, value=458),
    ex("Health officials said 37 people have died of cholera.", **K, value=37, style="health"),
    ex("Two volunteer firefighters died fighting the blaze.", **K, value=2),
    ex("Nine soldiers were killed during the deployment.", **K, value=9),
    ex("The town has buried nearly 700 people.", **K, low=630, high=700),
    ex("Three peacekeepers were killed and four wounded.", dict(**K, value=3), dict(**W, value=4)),
    ex("The bombing left 14 dead.", **K, value=14),
    ex("Six deaths were reclassified.", **K, value=6),
    ex("At least 1,150 people were injured.", **W, low=1150),
    ex("2,013 were being treated for injuries.", **W, value=2013),
    ex("Rescuers said 52 people were hurt in the crush.", **W, value=52),
    ex("The ambulance service took 11 to hospital.", **W, value=11),
    ex("Dozens of residents were treated for smoke inhalation.", **W, qualifier="vague"),
    ex("The crash injured 23 passengers.", **W, value=23),
    ex("The brigade suffered 1,800 killed or wounded.", kind="casualties", casualty_type="killed_or_wounded", value=1800),
    ex("The group's losses were put at 2,500 to 3,000.", kind="casualties", casualty_type="killed_or_wounded", low=2500, high=3000),
    ex("The army reported 400 casualties in the assault.", kind="casualties", casualty_type="killed_or_wounded", value=400),
    ex("Rebels hold 340 captured government soldiers.", kind="casualties", casualty_type="captured", value=340),
    ex("The two sides exchanged 410 prisoners.", kind="casualties", casualty_type="captured", value=410),
    ex("Some 87 people are still missing.", kind="casualties", casualty_type="missing", low=78.3, high=95.7),
    ex("As many as 150 people are unaccounted for.", kind="casualties", casualty_type="missing", high=150),
    ex("The militia killed 12 villagers in the raid.", **K, value=12),
    ex("Twenty miners died in the collapse.", **K, value=20),
    ex("The ministry lowered the toll to 31.", **K, value=31),
    ex("Avalanches claimed the lives of 16 climbers.", **K, value=16),
    ex("The fire injured 8 firefighters and killed 2 residents.", dict(**W, value=8), dict(**K, value=2)),
    ex("Between 15 and 20 of the deaths occurred at home.", **K, low=15, high=20),
    ex("The blast wounded 30 shoppers.", **W, value=30),
    ex("1,980 of the injured had left hospital.", kind="count", value=1980),
    ex("Officials counted 611 dead across the province.", **K, value=611),
    ex("The storm has killed more than 60 people.", **K, qualifier="more_than", low=60),
]
EXAMPLES += [
    ex("LIVE: Death toll climbs to 1,204 as rescuers reach coastal towns", kind="casualties", casualty_type="killed", value=1204, style="live blog"),
    ex("Landslide kills 23 in hill district", kind="casualties", casualty_type="killed", value=23, style="headline"),
    ex("'We pulled out eleven bodies,' a rescuer said.", kind="casualties", casualty_type="killed", value=11, style="quote"),
    ex("Heatwave deaths passed 400 in the capital, health officials said.", kind="casualties", casualty_type="killed", value=400, attribution="health officials"),
    ex("At least 14 climbers are missing after the avalanche.", kind="casualties", casualty_type="missing", low=14),
    ex("Ebola has killed 2,287 people since August, the WHO said.", kind="casualties", casualty_type="killed", value=2287, attribution="WHO", style="health"),
]
EXAMPLES += [
    ex("Russian losses exceeded 1,000 a day, according to the General Staff.", kind="casualties", casualty_type="killed_or_wounded", value=1000, per="day", attribution="General Staff"),
]
NEGATIVE = [
    no("The injured list is long for the visitors.", style="sport"),
    no("The killing of the journalist shocked the country."),
    no("Deaths from heart disease are falling."),
    no("The wounded were taken to the capital."),
    no("Several prisoners escaped."),
]
