"""Table definitions (SQLAlchemy Core). The migrations create exactly these tables."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text, UniqueConstraint

metadata = MetaData()

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
    UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    Index("ix_articles_published", "published"),
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
    UniqueConstraint("source", "article_id", name="uq_duplicates_source_article"),
)
