-- Issue 21 (performance): PostgreSQL replaces the index of unnumbered charging events (seq, id) by a partial index
-- (id) where seq is null, named mm7_charging_unnumbered (see that folder's V13). H2 has no partial indexes and keeps
-- no old row versions in its indexes, so it keeps (seq, id), under the same name.
ALTER INDEX mm7_charging_unsequenced RENAME TO mm7_charging_unnumbered;
