"""A first-order region's point lies on its main body, on its country's land: not in the
ocean between its outlying islands (Tokyo's Ogasawara and Izu islands), not across the
map from a region that straddles the 180th meridian (Fiji's Eastern division)."""

from __future__ import annotations

from newsfuse.evaluate.places import haversine_km
from newsfuse.geo.boxes import box_middle, main_body, region_point
from newsfuse.geo.geonames import Entry, gazetteer
from newsfuse.geo.land import country_land, on_land


def _capital_or_city(name: str, iso2: str) -> Entry:
    return next(
        e for e in gazetteer().candidates(name) if e.iso2 == iso2 and e.feature_class == "P"
    )


def test_a_box_across_the_180th_meridian_is_the_short_way_round() -> None:
    points = [(-17.0, 179.5, 1), (-18.5, -178.8, 1), (-19.0, -179.5, 1)]
    lat, lon = box_middle(points)
    assert abs(lat + 18.0) < 1e-9 and abs(abs(lon) - 180) < 1.0
    assert box_middle([(0.0, 10.0, 1), (2.0, 20.0, 1)]) == (1.0, 15.0)


def test_the_main_body_leaves_out_a_far_small_group() -> None:
    body = [(35.0 + i / 10, 139.0 + i / 10, 1000) for i in range(20)]
    islands = [(27.0, 142.2, 100), (26.7, 142.15, 100)]
    assert main_body(body + islands) == body
    assert box_middle(main_body(body + islands)) == box_middle(body)
    assert main_body(body[:2]) == body[:2]  # nothing to leave out of two places


def test_region_point_stays_on_land_where_a_chain_of_islands_pulls_the_box_to_sea() -> None:
    japan = country_land()["JP"]
    main = [(35.6 + i / 50, 139.2 + i / 25, 1000) for i in range(20)]
    chain = [(35.0 - i / 2.5, 139.4, 10) for i in range(7)]  # touching cells down to 32.6
    assert not on_land(*box_middle(main_body(main + chain)), japan)
    assert on_land(*region_point(main + chain, japan), japan)


def test_tokyo_is_placed_on_its_mainland_not_in_the_pacific() -> None:
    tokyo = gazetteer().subdivision("JP-13")
    city = _capital_or_city("Tokyo", "JP")
    assert tokyo is not None and on_land(tokyo.lat, tokyo.lon, country_land()["JP"])
    assert haversine_km(tokyo.lat, tokyo.lon, city.lat, city.lon) < 60


def test_alaska_and_kagoshima_lie_on_their_main_bodies() -> None:
    alaska = gazetteer().subdivision("US-AK")
    anchorage = _capital_or_city("Anchorage", "US")
    assert alaska is not None and on_land(alaska.lat, alaska.lon, country_land()["US"])
    assert haversine_km(alaska.lat, alaska.lon, anchorage.lat, anchorage.lon) < 400
    kagoshima = gazetteer().subdivision("JP-46")
    city = _capital_or_city("Kagoshima", "JP")
    assert kagoshima is not None and on_land(kagoshima.lat, kagoshima.lon, country_land()["JP"])
    assert haversine_km(kagoshima.lat, kagoshima.lon, city.lat, city.lon) < 100


def test_a_region_across_the_180th_meridian_is_placed_near_it() -> None:
    for code in ("FJ-E", "RU-CHU"):
        region = gazetteer().subdivision(code)
        assert region is not None and abs(region.lon) > 170, code
