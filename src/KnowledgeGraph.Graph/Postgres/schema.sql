-- The PostgreSQL graph: its own schema in the product's database, dropped and rebuilt from the events at will.
CREATE SCHEMA IF NOT EXISTS kg_graph;

CREATE TABLE IF NOT EXISTS kg_graph.nodes (
    label      text  NOT NULL,
    id         text  NOT NULL,
    valid_from date,
    props      jsonb NOT NULL,
    event_ids  text[] NOT NULL,
    stream     text,
    search     text GENERATED ALWAYS AS (lower(coalesce(props->>'name', '') || ' ' || coalesce(props->>'title', '') || ' ' || coalesce(props->>'aliases', ''))) STORED,
    PRIMARY KEY (label, id)
);
CREATE INDEX IF NOT EXISTS nodes_stream ON kg_graph.nodes (stream);

-- One row per version of a relationship, valid from valid_from (inclusive) to valid_to (exclusive, NULL = open).
CREATE TABLE IF NOT EXISTS kg_graph.edges (
    type       text  NOT NULL,
    from_label text  NOT NULL,
    from_id    text  NOT NULL,
    to_label   text  NOT NULL,
    to_id      text  NOT NULL,
    key        text  NOT NULL,
    valid_from date  NOT NULL,
    valid_to   date,
    props      jsonb NOT NULL,
    event_ids  text[] NOT NULL,
    stream     text,
    PRIMARY KEY (type, from_label, from_id, to_label, to_id, key, valid_from)
);
CREATE INDEX IF NOT EXISTS edges_from ON kg_graph.edges (from_id, type);
CREATE INDEX IF NOT EXISTS edges_to ON kg_graph.edges (to_id, type);
CREATE INDEX IF NOT EXISTS edges_stream ON kg_graph.edges (stream);
CREATE INDEX IF NOT EXISTS edges_type ON kg_graph.edges (type, valid_from);

-- Provenance: every event that asserted a fact, with its source, and the retraction that cancelled it.
CREATE TABLE IF NOT EXISTS kg_graph.events (
    event_id       text   PRIMARY KEY,
    seq            bigint NOT NULL,
    type           text   NOT NULL,
    effective_date date   NOT NULL,
    stream         text   NOT NULL,
    title          text   NOT NULL,
    publisher      text   NOT NULL,
    url            text,
    published_at   date,
    retracted_by   text
);
CREATE INDEX IF NOT EXISTS events_stream ON kg_graph.events (stream);

-- The sequence up to which each stream is projected: a re-delivery of older events changes nothing.
CREATE TABLE IF NOT EXISTS kg_graph.streams (
    stream   text   PRIMARY KEY,
    last_seq bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS kg_graph.errors (
    stream   text   NOT NULL,
    seq      bigint NOT NULL,
    event_id text   NOT NULL,
    reason   text   NOT NULL,
    PRIMARY KEY (stream, event_id, reason)
);
