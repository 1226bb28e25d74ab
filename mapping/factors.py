"""The standard drivers and barriers to record (DOMAIN.md §3.9).

Kept as plain English names; the data migration loads them once, and staff
add their partnership's own beside them.
"""

BARRIERS = [
    "Fear of uncertainty",
    "No strategic permission to take risks",
    "Lack of evidence of value",
    "Targets",
    "Working in silos",
    "Data protection",
    "Skills and time",
    "Resources",
    "Over-regulation",
    "Power imbalance",
    "Reciprocity misunderstood",
    "Short-term funding",
    "Commissioning that ignores co-production",
    "Scaling up",
    "Personal circumstances",
    "Jargon",
    "Scepticism",
    "Lack of representation",
    "Carers' lack of time",
]

DRIVERS = [
    "The leap of faith: sharing decision and budget power",
    "Dedicated resources",
    "Trust",
    "Individual leadership",
    "Culture change",
    "Learning capacity",
    "Legislation",
    "Accountability and transparency",
]
