"""An outlet's home country, where its web address says it: a country-code top-level domain.

``www.abc.net.au`` is Australian and ``www.enfield-today.co.uk`` British by the IANA
delegation of ``.au`` and ``.uk``. Country codes sold as generic names (``.tv``, ``.io``,
``.co``, ``.me``, ...) say nothing about an outlet, and neither do ``.com`` and friends.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from newsfuse.countries import iso3_of_iso2

_GENERIC_USE = frozenset(
    "ac ad ai am as bz cc cd cm co fm gg gl io la ly me ms mu nu sc sh so st tk to tv vc ws".split()
)
"""Country-code domains marketed and mostly used as generic ones."""
_NOT_ISO = {"uk": "gb"}
"""Country-code domains that differ from the country's ISO 3166 alpha-2 code."""


@lru_cache(maxsize=4096)
def home_country(url: str | None) -> str | None:
    """ISO 3166 alpha-3 of the country whose domain ``url`` is under, else None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    tld = host.rstrip(".").rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or tld in _GENERIC_USE:
        return None
    return iso3_of_iso2(_NOT_ISO.get(tld, tld))
