"""The `deputy_activity` rows of the real tune pages survive rewrites another site would make.

Every perturbation of :mod:`tests.deputy_metamorphic` is applied to the tune web pages with
deputy gold rows, the seed report and the Hailar reports (read at run time from
``../shared``; the check part of ``web/`` is never read), and the share of pages whose rows
(metric, value, actor_type, period) stay as expected must not fall below the floor. A
perturbation known to change some pages' rows for a reason the rules cannot see (the
paragraphs of a page run together: a subject or a period is carried further than the page
meant) has its full invariance as a strict xfail, so that the day it holds the test says so.

``.venv/bin/python -m tests.deputy_metamorphic -v NAME`` shows the pages a perturbation
changes.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests import deputy_metamorphic as dm

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not dm.corpus_available(),
                       reason=f"real corpus and gold not found under {dm.SHARED} "
                              "(../shared beside the clone)"),
]

# The share of pages a perturbation may leave with other rows, at most (measured: every
# perturbation 1.00 except those in KNOWN; the floors leave a page of slack on the small
# counts and a little on the large ones).
DEFAULT_FLOOR = 0.95
FLOORS: dict[str, float] = {
    # applied to few pages: one page changed would be a tenth or more
    "ascii_commas": 0.85, "ascii_colons": 0.85, "semicolons_as_enumeration": 0.8,
    "quotes_as_book_marks": 0.75, "wan_counts": 0.75, "plain_counts": 0.85,
    "percents_in_digits": 0.0, "station_as_lianxizhan": 0.85, "station_as_daibiaozhijia": 0.85,
    "station_as_gongzuozhan": 0.85, "station_as_minqing": 0.85, "receive_as_xuanmin": 0.65,
    "receive_as_laifang": 0.85, "receive_as_qunzhong": 0.8, "collect_as_wenti": 0.0,
    "collect_as_zhengji_yijian": 0.5, "collect_as_yijian_jianyi": 0.5,
    "response_as_dafu": 0.8, "response_as_adoption": 0.75, "renci_as_ren": 0.85,
    "suggestion_as_yijian_jianyi": 0.0, "suggestion_in_full": 0.85, "done_as_banjie": 0.5,
    "done_as_bafu": 0.5, "gong_before_verb": 0.8, "da_before_figure": 0.8,
    "figure_before_noun": 0.5, "collect_with_dao": 0.65, "term_as_benjie": 0.5,
    "term_as_since_year": 0.5, "term_as_wunian": 0.0, "annual_words_dropped": 0.65,
    "resolve_as_tuidong": 0.85, "resolve_as_xietiao": 0.85, "actor_in_sentence_before": 0.9,
    "rate_with_da": 0.85, "annual_as_jinnian_yilai": 0.9, "swap_figure_clauses": 0.9,
    "spaced_thousands": 0.9, "enumeration_as_semicolons": 0.9, "book_marks_as_quotes": 0.9,
    "chinese_percents": 0.9, "visits_in_ci": 0.0, "satisfaction_as_manyidu": 0.0,
    "two_as_liang": 0.85, "problem_as_suqiu": 0.7, "level_as_qi": 0.75, "respectively": 0.5,
    "other_places": 0.9, "suggestion_figure_after": 0.5, "suggestion_figure_before": 0.5,
    # known to change rows (see KNOWN)
    "paragraphs_joined": 0.85,
}
# Perturbations that change some pages' rows, and why (full invariance is a strict xfail).
KNOWN: dict[str, str] = {
    "paragraphs_joined": "paragraphs run together carry a subject or a period further than "
                         "the page meant (a reader cannot tell either)",
}


@lru_cache(maxsize=None)
def _outcome(name: str) -> dm.Outcome:
    perturb = next(p for p in dm.PERTURBATIONS if p.__name__ == name)
    return dm.measure(perturb)


_NAMES = [p.__name__ for p in dm.PERTURBATIONS]


def _failures(o: dm.Outcome) -> str:
    return "\n".join(f"{name}\n  want {want}\n  got  {got}" for name, want, got in o.failures[:5])


@pytest.mark.parametrize("name", _NAMES)
def test_invariance_floor(name: str) -> None:
    o = _outcome(name)
    floor = FLOORS.get(name, DEFAULT_FLOOR)
    assert o.rate >= floor, f"{name}: {o.invariant}/{o.applied} = {o.rate:.2f} < {floor}\n" \
                            + _failures(o)


@pytest.mark.parametrize("name", [n for n in _NAMES if n not in KNOWN])
def test_full_invariance(name: str) -> None:
    o = _outcome(name)
    assert o.invariant == o.applied, _failures(o)


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=why)) for n, why in KNOWN.items()
])
def test_known_failures(name: str) -> None:
    o = _outcome(name)
    assert o.invariant == o.applied, _failures(o)


def test_perturbations_reach_the_pages() -> None:
    """The perturbations rewrite something: most pages are changed by the common ones, and
    most pages have rows to compare (some gold rows are optional; some Hailar reports have
    none: those pages check that a perturbation adds no row)."""
    assert len(dm.pages()) >= 30
    assert sum(1 for name, _ in dm.pages() if dm.originals()[name]) >= 25
    for name in ("fullwidth_digits", "space_before_unit", "chinese_counts", "traditional",
                 "page_chrome", "cppcc_paragraph"):
        assert _outcome(name).applied >= 0.8 * len(dm.pages()) or _outcome(name).applied >= 25


def test_unrelated_paragraphs_add_no_row() -> None:
    """A paragraph of CPPCC proposals, a hotline, party study, honours or letters and visits
    alone gives no deputy row, whatever the kind of report."""
    for text in dm._UNRELATED.values():
        for title in ("县人大常委会工作报告", "县人民政府工作报告", "人大代表联络站开展接待活动"):
            assert dm.deputy_rows(title + "。\n" + text) == [], (title, text)
