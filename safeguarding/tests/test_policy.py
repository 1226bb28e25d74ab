"""The safeguarding rules: who may take what on, alone or with a second person."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeguarding import services
from safeguarding.models import Check, SafeguardingPolicy
from safeguarding.policy import (
    clearance,
    clearances,
    decide,
    decide_second,
    may_accompany,
    needs_extra_care,
    visit_required,
)

TODAY = datetime.date(2026, 3, 10)
E = SafeguardingPolicy.ExtraCare
S = Check.Scheme


def check(kind, scheme="", issued=-400, expires=None, withdrawn=False, pk=None):
    return Check(
        pk=pk,
        kind=kind,
        scheme=scheme,
        issued_on=TODAY + datetime.timedelta(issued),
        expires_on=None if expires is None else TODAY + datetime.timedelta(expires),
        withdrawn_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC) if withdrawn else None,
    )


def basics():
    return [check("reference"), check("reference"), check("induction")]


def pvg(**kwargs):
    return check("disclosure", S.PVG, **kwargs)


def run(checks, *, flagged=False, at_home=False, on=TODAY, **policy):
    return decide(
        checks=checks,
        policy=SafeguardingPolicy(**policy),
        extra_care=flagged,
        at_home=at_home,
        on=on,
    )


def test_a_fully_checked_helper_may_visit_someone_at_home_alone():
    result = run([*basics(), pvg(expires=300)], at_home=True)
    assert result.allowed and not result.needs_second_person and result.reasons == ()


def test_a_helper_missing_a_reference_may_not_help_at_all():
    result = run([check("reference"), check("induction"), pvg()], at_home=False)
    assert not result.allowed and not result.needs_second_person
    assert "1 of the 2 references" in result.reasons[0]


def test_a_helper_without_the_induction_may_not_help():
    result = run([check("reference"), check("reference")])
    assert not result.allowed
    assert any("induction" in r for r in result.reasons)


def test_the_policy_can_ask_for_no_references_and_no_induction():
    assert run([], references_required=0, induction_required=False).allowed


def test_a_home_visit_without_a_disclosure_check_needs_a_checked_helper_alongside():
    result = run(basics(), at_home=True)
    assert not result.allowed and result.needs_second_person
    assert "disclosure check" in result.reasons[0]


def test_help_away_from_home_needs_no_disclosure_check():
    assert run(basics(), at_home=False).allowed


def test_home_visits_need_no_disclosure_check_if_the_policy_says_so():
    assert run(basics(), at_home=True, disclosure_for_home_visits=False).allowed


def test_extra_care_with_checked_or_two_people_lets_a_checked_helper_go_alone():
    assert run([*basics(), pvg()], flagged=True).allowed


def test_extra_care_with_checked_or_two_people_sends_an_unchecked_helper_with_someone():
    result = run(basics(), flagged=True)
    assert result.needs_second_person and not result.allowed
    assert "extra care" in result.reasons[-1]


def test_extra_care_with_checked_only_refuses_an_unchecked_helper_outright():
    result = run(basics(), flagged=True, extra_care=E.CHECKED)
    assert not result.allowed and not result.needs_second_person
    assert "only a helper with a current disclosure check" in result.reasons[-1]


def test_extra_care_with_two_people_always_needs_a_second_person_even_if_checked():
    result = run([*basics(), pvg()], flagged=True, extra_care=E.TWO_PEOPLE)
    assert result.needs_second_person and not result.allowed


def test_a_basic_dbs_check_does_not_count_where_enhanced_is_needed():
    basic = check("disclosure", S.DBS_BASIC)
    assert run([*basics(), basic], at_home=True).needs_second_person
    assert run([*basics(), basic], at_home=True, disclosure_level="basic").allowed


def test_an_enhanced_dbs_check_counts_like_pvg():
    assert run([*basics(), check("disclosure", S.DBS_ENHANCED)], at_home=True).allowed


def test_a_check_counts_on_its_expiry_date_and_not_the_day_after():
    checks = [*basics(), pvg(expires=0)]
    assert run(checks, at_home=True).allowed
    assert run(checks, at_home=True, on=TODAY + datetime.timedelta(1)).needs_second_person


def test_a_withdrawn_check_never_counts():
    assert run([*basics(), pvg(withdrawn=True)], at_home=True).needs_second_person


def test_a_check_dated_in_the_future_does_not_count_yet():
    assert run([*basics(), pvg(issued=5)], at_home=True).needs_second_person


def test_check_status_reads_expiring_within_the_warning_window():
    assert pvg(expires=59).status_on(TODAY, 60) == "expiring"
    assert pvg(expires=60).status_on(TODAY, 60) == "expiring"
    assert pvg(expires=61).status_on(TODAY, 60) == "current"
    assert pvg(expires=-1).status_on(TODAY, 60) == "expired"
    assert pvg(expires=0).status_on(TODAY, 60) == "expiring"
    assert pvg(withdrawn=True).status_on(TODAY, 60) == "withdrawn"


def test_the_second_person_must_be_checked_even_where_two_people_always_go():
    policy = SafeguardingPolicy(extra_care=E.TWO_PEOPLE)
    assert decide_second(checks=[*basics(), pvg()], policy=policy, on=TODAY).allowed
    unchecked = decide_second(checks=basics(), policy=policy, on=TODAY)
    assert not unchecked.allowed and "disclosure" in unchecked.reasons[0]
    assert not decide_second(checks=[pvg()], policy=policy, on=TODAY).allowed


# Properties -----------------------------------------------------------------

checks_strategy = st.lists(
    st.builds(
        check,
        kind=st.sampled_from(Check.Kind.values),
        scheme=st.sampled_from(S.values),
        issued=st.integers(-2000, 30),
        expires=st.one_of(st.none(), st.integers(-60, 2000)),
        withdrawn=st.booleans(),
    ).map(lambda c: c if c.kind == "disclosure" else _no_scheme(c)),
    max_size=8,
)
policies = st.builds(
    SafeguardingPolicy,
    disclosure_for_home_visits=st.booleans(),
    disclosure_level=st.sampled_from(SafeguardingPolicy.DisclosureLevel.values),
    extra_care=st.sampled_from(E.values),
    references_required=st.integers(0, 3),
    induction_required=st.booleans(),
)


def _no_scheme(c):
    c.scheme = ""
    if c.expires_on is not None and c.expires_on < c.issued_on:
        c.expires_on = c.issued_on
    return c


def _decide(checks, policy, extra, home, on=TODAY):
    return decide(checks=checks, policy=policy, extra_care=extra, at_home=home, on=on)


@settings(max_examples=300, deadline=None)
@given(checks_strategy, policies, st.booleans(), st.booleans())
def test_whenever_a_helper_is_not_cleared_the_broker_is_told_why(checks, policy, extra, home):
    result = _decide(checks, policy, extra, home)
    if not result.allowed:
        assert result.reasons and all(isinstance(r, str) and r for r in result.reasons)
    else:
        assert not result.needs_second_person


@settings(max_examples=300, deadline=None)
@given(checks_strategy, policies, st.booleans(), st.booleans())
def test_expired_withdrawn_and_future_checks_never_change_the_answer(checks, policy, extra, home):
    counting = [c for c in checks if c.counts_on(TODAY)]
    assert _decide(checks, policy, extra, home) == _decide(counting, policy, extra, home)


@settings(max_examples=200, deadline=None)
@given(checks_strategy, policies, st.booleans(), st.booleans(), st.integers(-30, 30))
def test_a_check_is_good_through_its_expiry_date_and_gone_the_day_after(
    checks, policy, extra, home, offset
):
    expiring = pvg(issued=-400, expires=offset)
    day = expiring.expires_on
    with_it = [*checks, expiring]
    forever = [*checks, pvg(issued=-400, expires=None)]
    assert _decide(with_it, policy, extra, home, on=day) == _decide(
        forever, policy, extra, home, on=day
    )
    after = day + datetime.timedelta(1)
    assert _decide(with_it, policy, extra, home, on=after) == _decide(
        checks, policy, extra, home, on=after
    )


RANK = {(True, False): 2, (False, True): 1, (False, False): 0}


@settings(max_examples=200, deadline=None)
@given(checks_strategy, policies, st.booleans(), st.booleans(), st.sampled_from(Check.Kind.values))
def test_a_new_current_check_never_makes_things_worse(checks, policy, extra, home, kind):
    before = _decide(checks, policy, extra, home)
    added = check(kind, S.PVG if kind == "disclosure" else "")
    after = _decide([*checks, added], policy, extra, home)
    rank = RANK[(before.allowed, before.needs_second_person)]
    assert RANK[(after.allowed, after.needs_second_person)] >= rank


# With the database ------------------------------------------------------------


@pytest.fixture
def helper(world):
    for kind in ("reference", "reference", "induction"):
        services.check_record(
            organisation=world.timebank_org,
            helper=world.claire,
            data={"kind": kind, "issued_on": datetime.date(2025, 1, 6)},
            by=world.morag.user,
        )
    return world.claire


def test_clearance_reads_the_helpers_checks_for_that_organisation_only(world, helper):
    assert clearance(
        helper=helper, member=world.anne, organisation=world.timebank_org, at_home=False
    ).allowed
    elsewhere = clearance(
        helper=helper, member=world.anne, organisation=world.other_org, at_home=False
    )
    assert not elsewhere.allowed and elsewhere.reasons


def test_a_member_marked_for_extra_care_needs_a_checked_helper_or_two(world, helper):
    services.extra_care_set(
        organisation=world.timebank_org,
        person=world.anne,
        reason="Lives alone",
        review_on=None,
        by=world.morag.user,
    )
    assert needs_extra_care(world.anne) and not needs_extra_care(world.claire)
    result = clearance(
        helper=helper, member=world.anne, organisation=world.timebank_org, at_home=False
    )
    assert result.needs_second_person
    services.check_record(
        organisation=world.timebank_org,
        helper=helper,
        data={
            "kind": "disclosure",
            "scheme": "pvg",
            "reference_number": "1234 5678 9012 3456",
            "issued_on": datetime.date(2025, 1, 6),
        },
        by=world.morag.user,
    )
    assert clearance(
        helper=helper, member=world.anne, organisation=world.timebank_org, at_home=True
    ).allowed


def test_visits_are_required_for_home_visits_when_the_policy_says_so(world):
    assert visit_required(organisation=world.timebank_org, at_home=True)
    assert not visit_required(organisation=world.timebank_org, at_home=False)
    services.policy_save(
        organisation=world.timebank_org,
        data={"check_in_for_home_visits": False},
        by=world.morag.user,
    )
    assert not visit_required(organisation=world.timebank_org, at_home=True)


def test_clearance_is_a_handful_of_queries(world, helper, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        clearance(helper=helper, member=world.anne, organisation=world.timebank_org, at_home=True)


def test_clearances_for_many_helpers_agree_with_one_at_a_time(world, helper):
    services.extra_care_set(
        organisation=world.timebank_org,
        person=world.anne,
        reason="Lives alone",
        review_on=None,
        by=world.morag.user,
    )
    helpers = [world.claire, world.morag, world.iain]
    for at_home in (True, False):
        many = clearances(
            helpers=helpers, member=world.anne, organisation=world.timebank_org, at_home=at_home
        )
        for h in helpers:
            one = clearance(
                helper=h, member=world.anne, organisation=world.timebank_org, at_home=at_home
            )
            assert many[h.pk] == one


def test_may_accompany_reads_the_helpers_checks(world, helper):
    assert not may_accompany(helper=helper, organisation=world.timebank_org).allowed
    services.check_record(
        organisation=world.timebank_org,
        helper=helper,
        data={
            "kind": "disclosure",
            "scheme": "pvg",
            "reference_number": "1234567890123456",
            "issued_on": datetime.date(2025, 1, 6),
        },
        by=world.morag.user,
    )
    assert may_accompany(helper=helper, organisation=world.timebank_org).allowed
