from core.testing import DENIED, OK, Rule, signed_in

RULES = [
    Rule("audit:log", signed_in(DENIED, administrator=OK)),
    Rule("audit:log-csv", signed_in(DENIED, administrator=OK)),
]
