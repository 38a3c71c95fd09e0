-- The host's own documents (issue 16, second phase): dialogue state, handled turns with their replies, one-time codes,
-- notices, reminder preferences, channel deliveries, web sessions, conversation references, the workspace marker. One
-- table for all, the whole document as jsonb; written in the writer's transaction, so a handled turn commits with its
-- records. Field names in the indexes are the documents' C# property names.
CREATE TABLE documents (
    collection text  NOT NULL,
    id         text  NOT NULL,
    body       jsonb NOT NULL,
    PRIMARY KEY (collection, id)
);

-- Numbers for documents the store numbers (notices, one-time codes): never given twice.
CREATE SEQUENCE document_ids AS integer;

-- The retention sweep, oldest first.
CREATE INDEX documents_time ON documents (collection, ((body ->> 'AtMs')::bigint));

-- The web chat's history: a user's turns on a channel, newest first.
CREATE INDEX documents_partition_time ON documents (collection, (body ->> 'Channel'), (body ->> 'UserId'), ((body ->> 'AtMs')::bigint));

-- A user's notices.
CREATE INDEX documents_user ON documents (collection, (body ->> 'UserId'));

-- One notice per (user, kind, period), whichever host's scheduler claims it first.
CREATE UNIQUE INDEX documents_notice_key ON documents ((body ->> 'Key')) WHERE collection = 'notices';
