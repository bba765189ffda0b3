-- The indexes only the questions of PostgresGraphReader use; the projection's writes need none of them. A rebuild
-- creates them once after its bulk load (building an index once costs far less than keeping it up to date row by row);
-- every other start of the writer creates any that are missing.
CREATE INDEX IF NOT EXISTS edges_from ON kg_graph.edge_versions (from_id, type);
CREATE INDEX IF NOT EXISTS edges_to ON kg_graph.edge_versions (to_id, type);
CREATE INDEX IF NOT EXISTS edges_type ON kg_graph.edge_versions (type, valid_from);
CREATE INDEX IF NOT EXISTS events_stream ON kg_graph.event_records (stream);
CREATE INDEX IF NOT EXISTS events_recorded_at ON kg_graph.event_records (recorded_at, seq);
CREATE INDEX IF NOT EXISTS nodes_id ON kg_graph.node_versions (id);
CREATE INDEX IF NOT EXISTS edges_supplies_product ON kg_graph.edge_versions ((props->>'product'), valid_from) WHERE type = 'SUPPLIES';
-- The knowledge point every request starts from (the graph's last projected sequence, and when that event was
-- recorded): two index lookups, not scans of every stream and event.
CREATE INDEX IF NOT EXISTS streams_last_seq ON kg_graph.streams (last_seq);
CREATE INDEX IF NOT EXISTS events_seq ON kg_graph.event_records (seq);
