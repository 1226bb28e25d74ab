from core.testing import OK, Rule, signed_in

RULES = [
    Rule("accounts:settings", signed_in(OK)),
]
