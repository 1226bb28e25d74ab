from core.testing import NOT_ALLOWED, OK, REDIRECT, Rule, everyone

RULES = [
    Rule("core:home", everyone(OK)),
    Rule("core:glossary", everyone(OK)),
    Rule("core:accessibility", everyone(OK)),
    Rule("core:privacy", everyone(OK)),
    Rule("core:text-size", everyone(NOT_ALLOWED)),
    Rule("core:text-size", everyone(REDIRECT), method="post", data={"large_print": "on"}),
]
