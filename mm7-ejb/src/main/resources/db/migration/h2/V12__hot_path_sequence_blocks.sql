-- Issue 21 (performance): the ids of the rows every submit and every delivery write are taken from their
-- sequences in blocks of 1000 (the entities' allocationSize) instead of 50 or 100. EclipseLink fetches a new block
-- under a lock per sequence; at 32 concurrent submits the fetch often had to wait for a pool connection, and every
-- submit of the node waited behind it.
-- EclipseLink takes the value it gets as the top of its block (v - 999 .. v). So each sequence is first moved so that
-- its next value is at least 999 above every id given out before, then its increment becomes 1000. A node that stops
-- leaves the rest of its blocks unused: gaps in ids, which mean nothing (charging events are numbered by the
-- sequencer, not by id). A node of the previous release still running during an upgrade takes the top 50 or 100
-- values of a block of 1000 that the sequence gave to it alone.
-- (H2: BASE_VALUE is the value the sequence gives next.)
ALTER SEQUENCE mm7_message_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = 'MM7_MESSAGE_SEQ') + 999 INCREMENT BY 1000;
ALTER SEQUENCE mm7_content_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = 'MM7_CONTENT_SEQ') + 999 INCREMENT BY 1000;
ALTER SEQUENCE mm7_planned_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = 'MM7_PLANNED_SEQ') + 999 INCREMENT BY 1000;
ALTER SEQUENCE mm7_answered_submit_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = 'MM7_ANSWERED_SUBMIT_SEQ') + 999 INCREMENT BY 1000;
ALTER SEQUENCE mm7_charging_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = 'MM7_CHARGING_SEQ') + 999 INCREMENT BY 1000;
ALTER SEQUENCE mm7_recipient_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = 'MM7_RECIPIENT_SEQ') + 999 INCREMENT BY 1000;
ALTER SEQUENCE mm7_attempt_seq RESTART WITH (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = CURRENT_SCHEMA AND SEQUENCE_NAME = 'MM7_ATTEMPT_SEQ') + 999 INCREMENT BY 1000;
