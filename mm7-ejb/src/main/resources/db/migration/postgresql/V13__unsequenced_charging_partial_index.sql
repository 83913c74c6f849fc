-- Issue 21 (performance): the charging sequencer finds the events to number with
-- "seq IS NULL ORDER BY id FETCH FIRST n ROWS ONLY FOR UPDATE SKIP LOCKED", up to twenty times a second.
-- The index it used, (seq, id), gets a new entry for every event numbered (its new version, seq set) and keeps the
-- old version's entry under seq null until a vacuum removes it. This index holds only events written unnumbered:
-- numbering one adds no entry to it, and it is the whole of what the sequencer and the backlog's count read.
-- Old versions' entries stay in it until a vacuum as well: the sequencer reads it as an index scan (it sets
-- enable_bitmapscan off for its transaction), which marks them dead as it passes them, so the next round skips them;
-- the bitmap scan the planner chose without statistics visited every one of them every round (38 ms at 24,000).
-- H2 keeps its (seq, id) index: it keeps no old row versions in its indexes.
CREATE INDEX mm7_charging_unnumbered ON mm7_charging_event (id) WHERE seq IS NULL;
DROP INDEX mm7_charging_unsequenced;
