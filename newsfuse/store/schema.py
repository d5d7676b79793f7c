"""Table definitions (SQLAlchemy Core). The migrations create exactly these tables.

String lengths are documentation only: SQLite never enforces them, and on PostgreSQL
migration 0006 makes every such column TEXT, so that both take the same values.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

COUNT = BigInteger().with_variant(Integer(), "sqlite")
"""A 64-bit integer: BIGINT on PostgreSQL; on SQLite an INTEGER column, which holds 64 bits
already (so migration 0007 does not rebuild the SQLite table)."""

articles = Table(
    "articles",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", String(200)),
    Column("agency", String(100)),
    Column("author", Text),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", String(40)),
    Column("dateline_place", String(200)),
    Column("dateline_country", String(3)),
    Column("language", String(12)),
    Column("content_hash", String(64), nullable=False),
    Column("boilerplate", Text),  # JSON list of the lines removed as page furniture
    Column("notes", Text),  # JSON list of warnings raised while reading it
    Column("ingested_at", String(40), nullable=False),
    # work still owed (0008_pending_work): "annotate", "annotate-failed", or NULL for none
    Column("pending", Text),
    # the id this is a later version of, with other text (0017_revisions); NULL for most
    Column("revision_of", Text),
    UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_pending", "pending"),
    Index("ix_articles_revision_of", "revision_of"),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", String(40), nullable=False),
    UniqueConstraint("source", name="uq_rejects_source"),
)

duplicates = Table(
    "duplicates",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("at", String(40), nullable=False),
    Column("given_id", Text),  # the id the input gave (0016_duplicate_ids)
    UniqueConstraint("source", "article_id", name="uq_duplicates_source_article"),
    Index("ix_duplicates_given_id", "given_id"),
)

# -- annotate (0002_annotations) ------------------------------------------------------


def _mention_columns() -> list[Column]:
    """What every kind of mention has: an id, its article, and where in the text it is."""
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
    ]


sentences = Table(
    "sentences",
    metadata,
    Column(
        "article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("n", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

actor_mentions = Table(
    "actor_mentions",
    metadata,
    *_mention_columns(),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("sector", String(8)),
    Column("label", String(12), nullable=False),
    Column("sentence", Integer, nullable=False),
    Index("ix_actor_mentions_article", "article_id"),
    Index("ix_actor_mentions_country", "country"),
)

places = Table(
    "places",
    metadata,
    *_mention_columns(),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("kind", String(12), nullable=False),
    Column("admin1", String(20)),
    Column("lat", Float),
    Column("lon", Float),
    Column("sentence", Integer, nullable=False),
    Column("geonameid", BigInteger),
    Column("feature_class", Text),  # A, P, L (TEXT, as migration 0011 made it)
    Column("feature_code", Text),  # PCLI, ADM1, PPL, ...
    Index("ix_places_article", "article_id"),
)

time_expressions = Table(
    "time_expressions",
    metadata,
    *_mention_columns(),
    Column("value", String(10), nullable=False),
    Column("end_value", String(10)),
    Column("granularity", String(8), nullable=False),
    Column("sentence", Integer, nullable=False),
    Index("ix_time_expressions_article", "article_id"),
)

quantities = Table(
    "quantities",
    metadata,
    *_mention_columns(),
    Column("value", Float),
    Column("qualifier", String(20)),
    Column("noun", String(60)),
    Column("vague", Boolean, nullable=False),
    Column("actor_country", String(3)),
    Column("actor_sector", String(8)),
    Column("sentence", Integer, nullable=False),
    Index("ix_quantities_article", "article_id"),
)

annotation_runs = Table(
    "annotation_runs",
    metadata,
    Column(
        "article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("at", String(40), nullable=False),
)

# -- imported actor dictionaries (0003_actor_dictionary) ------------------------------

actor_dictionary = Table(
    "actor_dictionary",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("sector", String(8)),
    Column("start", String(10)),
    Column("end", String(10)),
    Column("source", Text, nullable=False),
    Column("is_agent", Boolean, nullable=False),
)

# -- code (0004_events) ---------------------------------------------------------------

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    ),
    Column("sentence", Integer, nullable=False),
    Column("event_type", String(12), nullable=False),
    Column("quad_class", String(24), nullable=False),
    Column("mode", String(40)),
    Column("context", String(40)),
    Column("source", Text, nullable=False),  # JSON list of {actorText, code, sector}
    Column("target", Text, nullable=False),
    Column("location", Text),
    Column("location_country", String(3)),
    Column("date", String(10)),
    Column("date_end", String(10)),
    Column("dead", COUNT),  # 0007: numbers only; the words of a vague amount go in *_text
    Column("injured", COUNT),
    Column("size", COUNT),
    Column("dead_text", Text),  # an amount without a number, as written ("dozens")
    Column("injured_text", Text),
    Column("size_text", Text),
    Column("attribution", Text),
    Column("attribution_country", String(3)),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("trigger", Text, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    # 0012_event_points: the place ``location`` names, as the annotate stage resolved it
    Column("location_geonameid", BigInteger),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_feature_code", Text),  # PCLI, ADM1, PPL, ... (as places.feature_code)
    Index("ix_events_article", "article_id"),
    Index("ix_events_type_date", "event_type", "date"),
)

# 0009_story_cache: the event list's order (newest first), whole and by type, quad class
# and article (story), counted from the index alone; the map's counts by place (and events
# by the country where they happened; 0012_event_points put the stored point after the
# place name). On PostgreSQL "date DESC" is "date DESC NULLS LAST", as listed, and
# ix_events_place is left out (it hashes the counts fast enough, and a long place name
# would overflow a B-tree entry).
Index("ix_events_listing", events.c.date.desc(), events.c.id, events.c.negated)
Index(
    "ix_events_type_listing",
    events.c.event_type,
    events.c.negated,
    events.c.date.desc(),
    events.c.id,
)
Index(
    "ix_events_quad_listing",
    events.c.quad_class,
    events.c.negated,
    events.c.date.desc(),
    events.c.id,
)
Index(
    "ix_events_article_listing", events.c.article_id, events.c.negated, events.c.date, events.c.id
)
EVENT_PLACE_INDEX = Index(
    "ix_events_place",
    events.c.location_country,
    events.c.location,
    events.c.location_lat,
    events.c.location_lon,
    events.c.event_type,
    events.c.date,
    events.c.id,
    events.c.negated,
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(8), nullable=False),  # source or target
    Column("text", Text, nullable=False),
    Column("country", String(3)),
    Column("sector", String(8)),
    Index("ix_event_actors_country", "country", "role"),
    Index("ix_event_actors_event", "event_id"),
    # 0009_story_cache: an actor's events, and the other actors of an event, from the
    # index alone
    Index("ix_event_actors_country_event", "country", "event_id"),
    Index("ix_event_actors_event_country", "event_id", "country"),
)

# -- cluster (0005_stories) -----------------------------------------------------------

stories = Table(
    "stories",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("seq", Integer, nullable=False),  # creation order; the older story survives a merge
    Column("title", Text),
    Column("first_published", String(40)),
    Column("last_published", String(40)),
    Column("articles", Integer, nullable=False),
    Column("sources", Integer, nullable=False),  # independent sources: original reports
    Column("actors", Text),  # JSON list of the most mentioned ISO3 countries
    Column("updated_at", String(40), nullable=False),
    # Bumped whenever what the story's fusion depends on changes: its members, or their
    # annotations and events (0009_story_cache).
    Column("version", Integer, nullable=False, server_default="1"),
    # The developing situation the story belongs to (0013_storylines); set after every
    # cluster run for every story.
    Column("storyline_id", String(16)),
    Index("ix_stories_last_published", "last_published"),
    Index("ix_stories_storyline", "storyline_id"),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column(
        "article_id", String(200), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    Column("story_id", String(16), ForeignKey("stories.id"), nullable=False),
    Column("position", Integer, nullable=False),  # arrival order across the whole database
    Column("score", Float, nullable=False),  # similarity that put it there; 0 for a story's first
    Column("reprint_of", String(200)),  # the earlier article this is a wire copy of
    Column("origin", String(200), nullable=False),  # who wrote it: agency, outlet or itself
    Index("ix_story_articles_story", "story_id"),
    Index("ix_story_articles_position", "position"),  # 0015_alerts: alerts' high-water mark
)


# -- fusion cache (0009_story_cache) --------------------------------------------------

story_fusions = Table(
    "story_fusions",
    metadata,
    Column("story_id", String(16), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False),  # the story's version it was computed from
    Column("fusion", Text, nullable=False),  # JSON: see newsfuse.fuse.story
    Column("computed_at", String(40), nullable=False),
)


# -- cluster runs (0010_cluster_runs) -------------------------------------------------

cluster_runs = Table(
    "cluster_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("articles", Integer, nullable=False),  # articles put into stories by this run
    Column("rebuild", Boolean, nullable=False),  # the run started from scratch
    Column("config_name", Text, nullable=False),  # newsfuse.cluster.config.ClusterConfig.name
    Column("config", Text, nullable=False),  # JSON: every value of that configuration
)


# -- watch: feeds and folders followed by `newsfuse watch` (0014_watch) ---------------

watch_feeds = Table(
    "watch_feeds",
    metadata,
    Column("url", Text, primary_key=True),
    Column("etag", Text),  # the validators of the last feed body read whole
    Column("last_modified", Text),
    Column("failures", Integer, nullable=False, server_default="0"),  # in a row
    Column("next_poll", Float, nullable=False),  # Unix time: back-off lives here
    Column("last_poll", Text),
    Column("last_error", Text),
)

watch_polls = Table(
    "watch_polls",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_url", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("status", Integer),  # HTTP status; NULL when no answer came
    Column("outcome", Text, nullable=False),  # "read" (a body), "not-modified" (304), "error"
    Column("items", Integer, nullable=False),  # items in the feed body (0 on 304 or error)
    Column("items_new", Integer, nullable=False),  # items never seen before
    Column("error", Text),
    Index("ix_watch_polls_feed", "feed_url", "id"),
)

watch_seen = Table(
    "watch_seen",
    metadata,
    Column("feed_url", Text, primary_key=True),
    Column("item_key", Text, primary_key=True),  # the item's id, else link, else a hash
    Column("at", Text, nullable=False),
    # the update time the feed declared for the item when last handed on (0017_revisions;
    # NULL: none declared, or recorded before)
    Column("version", Text),
)

watch_files = Table(
    "watch_files",
    metadata,
    Column("path", Text, primary_key=True),
    Column("size", COUNT, nullable=False),
    Column("mtime_ns", COUNT, nullable=False),
    Column("content_hash", Text, nullable=False),  # SHA-256 of the bytes read
    Column("read_at", Text, nullable=False),
)


# -- watchlists and alerts (0015_alerts) ----------------------------------------------

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("scope", Text, nullable=False),  # "story" or "event": what one match is
    Column("query", Text, nullable=False),  # JSON: newsfuse.alerts.query.Watch.to_dict
    Column("jsonl", Text),  # a JSON Lines file each match is appended to ("-": stdout)
    Column("webhook", Text),  # a URL each match is POSTed to
    Column("created_at", Text, nullable=False),
    # high-water marks: the last story_articles.position and events.id looked at
    Column("seen_position", Integer, nullable=False, server_default="0"),
    Column("seen_event", Integer, nullable=False, server_default="0"),
    UniqueConstraint("name", name="uq_alerts_name"),
    sqlite_autoincrement=True,  # ids are never reused (a webhook's Idempotency-Key holds one)
)

alert_matches = Table(
    "alert_matches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert_id", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("key", Text, nullable=False),  # "story:ID" or "event:ARTICLE:START:END:TYPE"
    Column("kind", Text, nullable=False),  # "story" or "event"
    Column("story_id", Text),
    Column("event_id", Integer),  # the event's id when it matched (ids change on recoding)
    Column("article_id", Text),
    Column("title", Text),
    Column("payload", Text, nullable=False),  # JSON: what is delivered
    Column("matched_at", Text, nullable=False),
    UniqueConstraint("alert_id", "key", name="uq_alert_matches_alert_key"),
    Index("ix_alert_matches_matched", "matched_at"),
    sqlite_autoincrement=True,
)

alert_deliveries = Table(
    "alert_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("match_id", Integer, ForeignKey("alert_matches.id", ondelete="CASCADE"), nullable=False),
    Column("channel", Text, nullable=False),  # "jsonl" or "webhook"
    Column("target", Text, nullable=False),  # the file ("-": stdout) or the URL
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text),
    Column("created_at", Text, nullable=False),
    Column("delivered_at", Text),  # NULL: still in the outbox
    UniqueConstraint("match_id", "channel", "target", name="uq_alert_deliveries_once"),
    Index("ix_alert_deliveries_delivered", "delivered_at"),
    sqlite_autoincrement=True,
)
