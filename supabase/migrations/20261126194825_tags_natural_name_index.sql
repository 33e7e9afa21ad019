-- squawk-ignore-file require-lock-timeout, require-statement-timeout
-- The tag table's name order is natural (1, 2, 10, 11: private.natural_sort_key): an index in that
-- order lets a page of tags by name read its rows in order and stop, as the bare query does. A file
-- of its own: `create index concurrently` cannot run inside a transaction. If it fails, drop the
-- INVALID index it leaves (`drop index concurrently public.idx_tags_natural_name`) and run the migrations again.
create index concurrently if not exists idx_tags_natural_name on public.tags (private.natural_sort_key(name), id);
