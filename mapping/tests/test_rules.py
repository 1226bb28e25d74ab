"""The classification rules on clear cases, and for every combination of answers."""

from hypothesis import given
from hypothesis import strategies as st

from mapping.rules import Answers, Co, Ladder, Level, OneWay, Osborne, Scope, Who, classify

P, ORGS, T, C, N = Who.PROFESSIONALS, Who.ORGANISATIONS, Who.TOGETHER, Who.CITIZENS, Who.NOBODY


def test_consultation_stays_consultation_even_when_people_are_said_to_have_designed_it():
    result = classify(Answers(defined=P, decided=P, designed=T, delivered=P, views_only=True))
    assert result.ladder is Ladder.CONSULTATION
    assert result.level is Level.DESCRIPTIVE
    assert not result.practised
    assert "consultation, not co-design" in str(result.summary)
    assert result.warnings  # the contradiction is pointed out


def test_plain_consultation_says_professionals_decided():
    result = classify(Answers(views_only=True))
    assert result.ladder is Ladder.CONSULTATION
    assert "professionals decided" in str(result.summary)


def test_organisations_collaborating_is_co_management_not_co_production():
    result = classify(Answers(defined=P, decided=ORGS, designed=ORGS, delivered=ORGS, assessed=P))
    assert result.really_between_organisations
    assert "co-management" in result.between_organisations
    assert "co-governance" in result.between_organisations
    assert result.ladder < Ladder.CONSULTATION
    assert result.level is Level.DESCRIPTIVE
    assert not result.practised
    assert "not co-production" in str(result.summary)


def test_organisations_delivering_with_citizens_in_the_room_is_not_only_between_organisations():
    result = classify(Answers(decided=ORGS, designed=T, delivered=ORGS))
    assert not result.really_between_organisations
    assert result.ladder is Ladder.CO_DESIGN


def test_a_user_led_board_with_budget_control_is_transformative():
    result = classify(
        Answers(
            defined=C,
            decided=C,
            designed=T,
            delivered=T,
            assessed=C,
            power_moved=True,
            budget_moved=True,
        )
    )
    assert result.level is Level.TRANSFORMATIVE
    assert result.ladder is Ladder.CO_PRODUCTION
    assert set(result.practised) == set(Co)
    assert "co-prioritisation" in result.sub_types[Co.COMMISSIONING]
    assert result.sub_types[Co.ASSESSMENT] == ("co-evaluation",)
    assert not result.warnings


def test_power_said_to_move_while_professionals_decide_is_not_transformative():
    result = classify(Answers(designed=T, delivered=T, power_moved=True))
    assert result.level is Level.INTERMEDIATE
    assert result.warnings


def test_peer_support_is_co_delivery_by_co_performing_and_engagement():
    result = classify(Answers(delivered=T, scope=Scope.INDIVIDUAL))
    assert result.cos[Co.DELIVERY] == 2
    assert result.sub_types[Co.DELIVERY] == ("co-performing",)
    assert result.ladder is Ladder.ENGAGEMENT
    assert result.osborne is Osborne.CO_PRODUCTION


def test_designing_ones_own_package_is_osborne_co_design():
    result = classify(Answers(designed=C, decided=C, scope=Scope.INDIVIDUAL))
    assert result.osborne is Osborne.CO_DESIGN


def test_shaping_the_service_for_everyone_is_co_innovation():
    result = classify(Answers(defined=T, designed=T, delivered=T, scope=Scope.SYSTEM))
    assert result.osborne is Osborne.CO_INNOVATION
    assert result.ladder is Ladder.CO_PRODUCTION
    assert result.level is Level.INTERMEDIATE


def test_the_bottom_rungs_come_from_how_people_were_reached():
    assert classify(Answers(one_way=OneWay.REQUIRED)).ladder is Ladder.COERCION
    assert classify(Answers(one_way=OneWay.EDUCATED)).ladder is Ladder.EDUCATING
    assert classify(Answers(one_way=OneWay.INFORMED)).ladder is Ladder.INFORMING


def test_the_register_saying_nobody_takes_part_is_pointed_out():
    result = classify(Answers(designed=T, citizens_take_part=False))
    assert any("register" in str(w) for w in result.warnings)


def test_every_sentence_renders_through_a_translator():
    result = classify(Answers(decided=ORGS, delivered=ORGS))
    rendered = [s.render(lambda text: f"[{text}]") for s in result.why]
    assert all(text.startswith("[") for text in rendered)
    assert "[co-governance and co-management]" in rendered[0]


who = st.sampled_from(list(Who))


@given(
    answers=st.builds(
        Answers,
        defined=who,
        decided=who,
        designed=who,
        delivered=who,
        assessed=who,
        views_only=st.booleans(),
        power_moved=st.booleans(),
        budget_moved=st.booleans(),
        citizens_fund=st.booleans(),
        scope=st.sampled_from(list(Scope)),
        one_way=st.sampled_from(list(OneWay)),
        citizens_take_part=st.sampled_from([None, True, False]),
    )
)
def test_every_combination_of_answers_gives_a_classification_and_an_explanation(answers):
    result = classify(answers)
    assert set(result.cos) == set(Co)
    assert all(0 <= strength <= 3 for strength in result.cos.values())
    assert isinstance(result.ladder, Ladder)
    assert isinstance(result.level, Level)
    assert isinstance(result.osborne, Osborne)
    assert result.why and all(str(sentence).strip() for sentence in result.why)
    # Consultation never passes for more, and transformative needs power to move.
    if answers.views_only:
        assert result.ladder <= Ladder.CONSULTATION and not result.practised
    if result.level is Level.TRANSFORMATIVE:
        assert answers.power_moved or answers.budget_moved
    if result.really_between_organisations:
        assert result.ladder < Ladder.ENGAGEMENT


def test_quick_wins_and_hard_slogs_are_named():
    from mapping.rules import focus

    assert focus.priority(4.5, 1.5) == focus.QUICK_WIN
    assert focus.priority(1.5, 4.5) == focus.HARD_SLOG
    assert focus.priority(4, 4) == focus.BIG_BET
    assert focus.priority(2, 2) == focus.SMALL_JOB


def test_stakeholders_fall_in_the_quadrant_of_their_power_and_influence():
    from mapping.rules import focus

    assert focus.stakeholder_quadrant(5, 5) == focus.PARTNERS
    assert focus.stakeholder_quadrant(5, 1) == focus.KEEP_SATISFIED
    assert focus.stakeholder_quadrant(1, 5) == focus.INVITE_IN
    assert focus.stakeholder_quadrant(1, 1) == focus.SILENT
