-- The knowledge documents added with `index` (issue 16): each host's Lucene index is rebuilt from this table, so a
-- document added through one host is answered by every host. The shipped corpus stays embedded in the product and is
-- not stored here. One row per file name (indexing a file of the same name again replaces it); content is the file as
-- given (.txt, .md, .docx or .pdf, parsed by each host as its own file would be), sidecar its optional .meta.json, hash
-- the SHA-256 of content followed by sidecar (hex, upper case), as the index's own manifest hashes a file.
CREATE TABLE knowledge_documents (
    name     text        PRIMARY KEY,
    hash     text        NOT NULL,
    content  bytea       NOT NULL,
    sidecar  bytea,
    added_at timestamptz NOT NULL DEFAULT now()
);
