"""The namesake score's features (newsfuse.geo.context), on the real gazetteer."""

from __future__ import annotations

from newsfuse.geo import context
from newsfuse.geo.geonames import Entry, gazetteer


def test_every_feature_has_a_weight() -> None:
    assert len(context.FEATURES) == len(context.WEIGHTS)


def _paris(iso2: str, admin1: str) -> Entry:
    return next(
        e
        for e in gazetteer().candidates("paris")
        if e.feature_class == "P" and (e.iso2, e.admin1) == (iso2, admin1)
    )


def test_features_read_the_articles_other_places() -> None:
    france, texas = _paris("FR", "11"), _paris("US", "TX")
    dallas = max(
        (e for e in gazetteer().candidates("dallas") if e.iso2 == "US"),
        key=lambda e: e.population,
    )
    others = {"dallas": context._entry_where(dallas)}
    in_france = dict(
        zip(
            context.FEATURES,
            context.candidate_features(france, "paris", others, set(), set()),
            strict=True,
        )
    )
    in_texas = dict(
        zip(
            context.FEATURES,
            context.candidate_features(texas, "paris", others, set(), set()),
            strict=True,
        )
    )
    assert in_france["capital"] == 1.0 and in_texas["capital"] == 0.0
    assert in_france["population"] > in_texas["population"]
    assert in_texas["same_country"] > in_france["same_country"] == 0.0
    assert in_texas["same_region"] > in_france["same_region"] == 0.0
    # nearer the article's other town: -log10(1 + km) is larger
    assert in_texas["nearby"] > in_france["nearby"]
    # Paris, Texas lies about 150 km from Dallas
    assert -3 < in_texas["nearby"] < -2
