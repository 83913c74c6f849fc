-- Issue 21 (performance): the charging sequencer finds the events to number with
-- "seq IS NULL ORDER BY id FETCH FIRST n ROWS ONLY FOR UPDATE SKIP LOCKED", up to twenty times a second.
-- The index it used, (seq, id), kept an entry for every version of every event: numbering an event writes a new
-- version (seq set) beside the old one (seq null), and until a vacuum removes the old versions their entries stay
-- under seq null. Without statistics (autovacuum off, or a table that grew quickly since the last analyze) the planner
-- read that index as a bitmap, which visits every such entry each time and never marks one dead: 38 ms per round at
-- 24,000 entries, on a table of 230,000 events. This index holds only the events not yet numbered, in the order they
-- are taken; the planner reads it as an ordinary index scan, which stops at the batch's size and marks the entries of
-- removed versions dead as it passes them. Numbering an event adds no entry to it.
-- H2 keeps its (seq, id) index: it keeps no old row versions in its indexes.
CREATE INDEX mm7_charging_unnumbered ON mm7_charging_event (id) WHERE seq IS NULL;
DROP INDEX mm7_charging_unsequenced;
