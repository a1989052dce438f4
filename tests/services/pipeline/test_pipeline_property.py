"""Whatever sequence of moves a user makes, an introduction's steps stay consistent with its stage."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.pipeline import ALL_STAGES, Stage, allowed_targets, implied_step
from journal.errors import ValidationError
from journal.services.conversations.records import OfferDraft, PersonRef, log_conversation
from journal.services.pipeline import introductions
from journal.store.models import Introduction, NextStep


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=st.lists(st.tuples(st.sampled_from(ALL_STAGES), st.integers(0, 5)), max_size=8))
def test_random_moves_keep_stage_and_steps_consistent(db, clock, moves):
    intro_id = log_conversation(
        [PersonRef.named("Dana Smith")], offers=[OfferDraft(PersonRef.named("Lee Park"))], clock=clock
    ).introduction_ids[0]
    stage = Stage.OFFERED
    entered = clock.today()
    for target, days_later in moves:
        clock.advance(days=days_later)
        allowed = target in allowed_targets(stage)
        try:
            introductions.advance(intro_id, target, clock=clock)
        except ValidationError:
            assert not allowed
        else:
            assert allowed
            stage, entered = target, clock.today()
        intro = Introduction.get_by_id(intro_id)
        assert intro.stage == stage.value
        assert intro.stage_changed_on == entered
        open_steps = list(NextStep.select().where((NextStep.introduction == intro_id) & NextStep.done_at.is_null()))
        expected = implied_step(stage, "Dana Smith", "Lee Park", entered)
        if expected is None:
            assert open_steps == []
            assert stage.is_closed
        else:
            assert [(s.text, s.due_date) for s in open_steps] == [(expected.text, expected.due)]
        assert (intro.closed_on is not None) == (stage in (Stage.DECLINED, Stage.LAPSED))
    clock.set(dt.datetime(2026, 3, 11, 9, 30))
