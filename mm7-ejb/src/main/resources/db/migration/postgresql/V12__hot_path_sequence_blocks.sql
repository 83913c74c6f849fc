-- Issue 21 (performance): the ids of the rows every submit and every delivery write are taken from their
-- sequences in blocks of 1000 (the entities' allocationSize) instead of 50 or 100. EclipseLink fetches a new block
-- under a lock per sequence; at 32 concurrent submits the fetch often had to wait for a pool connection, and every
-- submit of the node waited behind it.
-- EclipseLink takes the value it gets as the top of its block (v - 999 .. v). So each sequence is first moved so that
-- its next value is at least 999 above every id given out before, then its increment becomes 1000. A node that stops
-- leaves the rest of its blocks unused: gaps in ids, which mean nothing (charging events are numbered by the
-- sequencer, not by id). A node of the previous release still running during an upgrade takes the top 50 or 100
-- values of a block of 1000 that the sequence gave to it alone.
SELECT setval('mm7_message_seq', (SELECT CASE WHEN is_called THEN last_value + 1000 ELSE last_value + 999 END FROM mm7_message_seq), false);
ALTER SEQUENCE mm7_message_seq INCREMENT BY 1000;
SELECT setval('mm7_content_seq', (SELECT CASE WHEN is_called THEN last_value + 1000 ELSE last_value + 999 END FROM mm7_content_seq), false);
ALTER SEQUENCE mm7_content_seq INCREMENT BY 1000;
SELECT setval('mm7_planned_seq', (SELECT CASE WHEN is_called THEN last_value + 1000 ELSE last_value + 999 END FROM mm7_planned_seq), false);
ALTER SEQUENCE mm7_planned_seq INCREMENT BY 1000;
SELECT setval('mm7_answered_submit_seq', (SELECT CASE WHEN is_called THEN last_value + 1000 ELSE last_value + 999 END FROM mm7_answered_submit_seq), false);
ALTER SEQUENCE mm7_answered_submit_seq INCREMENT BY 1000;
SELECT setval('mm7_charging_seq', (SELECT CASE WHEN is_called THEN last_value + 1000 ELSE last_value + 999 END FROM mm7_charging_seq), false);
ALTER SEQUENCE mm7_charging_seq INCREMENT BY 1000;
SELECT setval('mm7_recipient_seq', (SELECT CASE WHEN is_called THEN last_value + 1000 ELSE last_value + 999 END FROM mm7_recipient_seq), false);
ALTER SEQUENCE mm7_recipient_seq INCREMENT BY 1000;
SELECT setval('mm7_attempt_seq', (SELECT CASE WHEN is_called THEN last_value + 1000 ELSE last_value + 999 END FROM mm7_attempt_seq), false);
ALTER SEQUENCE mm7_attempt_seq INCREMENT BY 1000;
