-- The PostgreSQL graph: its own schema in the product's database, dropped and rebuilt from the events at will.
CREATE SCHEMA IF NOT EXISTS kg_graph;

-- A graph of an earlier layout (before knowledge time, its tables under the names of today's views; or before node
-- attributes were versioned in world time) is dropped, and `kg rebuild` projects the events again.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'kg_graph' AND c.relname = 'nodes' AND c.relkind = 'r')
       OR (to_regclass('kg_graph.node_versions') IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM information_schema.columns WHERE table_schema = 'kg_graph' AND table_name = 'node_versions' AND column_name = 'attrs_from')) THEN
        DROP SCHEMA kg_graph CASCADE;
        CREATE SCHEMA kg_graph;
    END IF;
END
$$;

-- Both clocks. World time: a version holds from valid_from (inclusive) to valid_to (exclusive, NULL = open); a node's
-- valid_from is its registration, and its attributes (props) hold from attrs_from ('-infinity' for those it was
-- registered with, which also answer before its registration) to attrs_to (exclusive, NULL = open). Knowledge time: it
-- was believed from the stored sequence recorded_from (inclusive) until recorded_to (exclusive, NULL = still).
CREATE TABLE IF NOT EXISTS kg_graph.node_versions (
    label         text   NOT NULL,
    id            text   NOT NULL,
    valid_from    date,
    attrs_from    date   NOT NULL DEFAULT '-infinity',
    attrs_to      date,
    props         jsonb  NOT NULL,
    event_ids     text[] NOT NULL,
    stream        text,
    recorded_from bigint NOT NULL,
    recorded_to   bigint,
    search        text GENERATED ALWAYS AS (lower(coalesce(props->>'name', '') || ' ' || coalesce(props->>'title', '') || ' ' || coalesce(props->>'aliases', ''))) STORED,
    PRIMARY KEY (label, id, attrs_from, recorded_from)
);
CREATE INDEX IF NOT EXISTS nodes_stream ON kg_graph.node_versions (stream);

-- One row per version of a relationship in both clocks: a status change closes one world-time version and opens the next.
CREATE TABLE IF NOT EXISTS kg_graph.edge_versions (
    type          text   NOT NULL,
    from_label    text   NOT NULL,
    from_id       text   NOT NULL,
    to_label      text   NOT NULL,
    to_id         text   NOT NULL,
    key           text   NOT NULL,
    valid_from    date   NOT NULL,
    valid_to      date,
    props         jsonb  NOT NULL,
    event_ids     text[] NOT NULL,
    stream        text,
    recorded_from bigint NOT NULL,
    recorded_to   bigint,
    PRIMARY KEY (type, from_label, from_id, to_label, to_id, key, valid_from, recorded_from)
);
CREATE INDEX IF NOT EXISTS edges_stream ON kg_graph.edge_versions (stream);

-- Provenance: every event that asserted a fact, with its source, when it was recorded, and the retraction that cancelled it.
CREATE TABLE IF NOT EXISTS kg_graph.event_records (
    event_id       text   PRIMARY KEY,
    seq            bigint NOT NULL,
    type           text   NOT NULL,
    effective_date date   NOT NULL,
    stream         text   NOT NULL,
    title          text   NOT NULL,
    publisher      text   NOT NULL,
    url            text,
    published_at   date,
    retracted_by   text,
    retracted_seq  bigint,
    recorded_at    timestamptz
);

-- The knowledge point a reading statement answers for: the setting kg.known_at (a stored sequence) of its transaction,
-- else everything recorded. Every question reads the graph through the views below, so each answers for that point.
CREATE OR REPLACE FUNCTION kg_graph.known_at() RETURNS bigint
LANGUAGE sql STABLE AS $$ SELECT coalesce(nullif(current_setting('kg.known_at', true), '')::bigint, 9223372036854775807) $$;

-- The world date whose attributes the nodes view gives each node: the setting kg.as_of of the transaction, else the latest.
CREATE OR REPLACE FUNCTION kg_graph.as_of() RETURNS date
LANGUAGE sql STABLE AS $$ SELECT coalesce(nullif(current_setting('kg.as_of', true), '')::date, 'infinity'::date) $$;

CREATE OR REPLACE VIEW kg_graph.nodes AS
    SELECT * FROM kg_graph.node_versions
    WHERE recorded_from <= kg_graph.known_at() AND (recorded_to IS NULL OR kg_graph.known_at() < recorded_to)
      AND attrs_from <= kg_graph.as_of() AND (attrs_to IS NULL OR kg_graph.as_of() < attrs_to);

CREATE OR REPLACE VIEW kg_graph.edges AS
    SELECT * FROM kg_graph.edge_versions
    WHERE recorded_from <= kg_graph.known_at() AND (recorded_to IS NULL OR kg_graph.known_at() < recorded_to);

CREATE OR REPLACE VIEW kg_graph.events AS
    SELECT event_id, seq, type, effective_date, stream, title, publisher, url, published_at,
           CASE WHEN retracted_seq <= kg_graph.known_at() THEN retracted_by END AS retracted_by, recorded_at
    FROM kg_graph.event_records WHERE seq <= kg_graph.known_at();

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

-- ---------------------------------------------------------------------------------------------------------------------
-- Read side: functions the questions of PostgresGraphReader use (their indexes are in read-indexes.sql). Nothing here
-- is written by the projection.
-- ---------------------------------------------------------------------------------------------------------------------

-- The keys whose values differ between two property objects (a changed version and the one it replaced), sorted.
CREATE OR REPLACE FUNCTION kg_graph.changed_keys(p_new jsonb, p_old jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN p_new IS NULL OR p_old IS NULL THEN ARRAY[]::text[] ELSE ARRAY(
        SELECT k FROM (SELECT jsonb_object_keys(p_new) UNION SELECT jsonb_object_keys(p_old)) AS keys(k)
        WHERE p_new -> k IS DISTINCT FROM p_old -> k ORDER BY k) END
$$;

-- One level of a breadth-first search: the nodes one relationship (of the types, valid at the date, either direction)
-- away from the frontier that are not yet seen, each with the link it was reached by: [parent, type, from_label,
-- from_id, to_label, to_id, key, valid_from]. Node keys are 'label|id'.
CREATE OR REPLACE FUNCTION kg_graph.path_level(p_front text[], p_seen jsonb, p_types text[], p_as_of date) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_object_agg(s.other, s.link), '{}'::jsonb) FROM (
        SELECT DISTINCT ON (c.other) c.other,
               jsonb_build_array(c.parent, c.type, c.from_label, c.from_id, c.to_label, c.to_id, c.key, c.valid_from) AS link
        FROM (
            SELECT f.k AS parent, e.to_label || '|' || e.to_id AS other, e.type, e.from_label, e.from_id, e.to_label, e.to_id, e.key, e.valid_from
            FROM unnest(p_front) AS f(k)
            JOIN kg_graph.edges e ON e.from_id = split_part(f.k, '|', 2) AND e.from_label = split_part(f.k, '|', 1)
            WHERE e.type = ANY(p_types) AND e.valid_from <= p_as_of AND (e.valid_to IS NULL OR p_as_of < e.valid_to)
            UNION ALL
            SELECT f.k, e.from_label || '|' || e.from_id, e.type, e.from_label, e.from_id, e.to_label, e.to_id, e.key, e.valid_from
            FROM unnest(p_front) AS f(k)
            JOIN kg_graph.edges e ON e.to_id = split_part(f.k, '|', 2) AND e.to_label = split_part(f.k, '|', 1)
            WHERE e.type = ANY(p_types) AND e.valid_from <= p_as_of AND (e.valid_to IS NULL OR p_as_of < e.valid_to)
        ) c
        WHERE NOT p_seen ? c.other
        ORDER BY c.other, c.parent, c.type, c.from_id, c.to_id, c.key, c.valid_from
    ) s
$$;

-- A shortest path by bidirectional breadth-first search: each round expands the smaller frontier by one level, and
-- the search ends when the two meet or the hops are spent. Returns the path's nodes in order (step 0 is the start),
-- each with the relationship that leads to it; nothing when there is no path within the hops.
CREATE OR REPLACE FUNCTION kg_graph.shortest_path(p_start text, p_goal text, p_types text[], p_max_hops int, p_as_of date)
RETURNS TABLE (r_step int, r_node text, r_link jsonb)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    fwd jsonb;
    bwd jsonb;
    f_front text[] := ARRAY[p_start];
    b_front text[] := ARRAY[p_goal];
    level jsonb;
    hops int := 0;
    meet text;
    cur text;
    link jsonb;
    nodes text[];
    links jsonb[] := ARRAY[]::jsonb[];
BEGIN
    IF p_start IS NULL OR p_goal IS NULL THEN
        RETURN;
    END IF;
    fwd := jsonb_build_object(p_start, NULL);
    bwd := jsonb_build_object(p_goal, NULL);
    IF p_start = p_goal THEN
        meet := p_start;
    END IF;
    WHILE meet IS NULL AND hops < p_max_hops AND cardinality(f_front) > 0 AND cardinality(b_front) > 0 LOOP
        IF cardinality(f_front) <= cardinality(b_front) THEN
            level := kg_graph.path_level(f_front, fwd, p_types, p_as_of);
            fwd := fwd || level;
            f_front := ARRAY(SELECT jsonb_object_keys(level));
            SELECT k INTO meet FROM unnest(f_front) AS k WHERE bwd ? k ORDER BY k LIMIT 1;
        ELSE
            level := kg_graph.path_level(b_front, bwd, p_types, p_as_of);
            bwd := bwd || level;
            b_front := ARRAY(SELECT jsonb_object_keys(level));
            SELECT k INTO meet FROM unnest(b_front) AS k WHERE fwd ? k ORDER BY k LIMIT 1;
        END IF;
        hops := hops + 1;
    END LOOP;
    IF meet IS NULL THEN
        RETURN;
    END IF;
    nodes := ARRAY[meet];
    cur := meet;
    LOOP
        link := fwd -> cur;
        EXIT WHEN link IS NULL OR jsonb_typeof(link) = 'null';
        cur := link ->> 0;
        nodes := array_prepend(cur, nodes);
        links := array_prepend(link, links);
    END LOOP;
    cur := meet;
    LOOP
        link := bwd -> cur;
        EXIT WHEN link IS NULL OR jsonb_typeof(link) = 'null';
        cur := link ->> 0;
        nodes := array_append(nodes, cur);
        links := array_append(links, link);
    END LOOP;
    RETURN QUERY SELECT i - 1, nodes[i], CASE WHEN i = 1 THEN NULL ELSE links[i - 1] END FROM generate_subscripts(nodes, 1) AS i;
END
$$;
