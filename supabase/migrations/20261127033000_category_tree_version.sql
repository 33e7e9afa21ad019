-- The category tree's version: one value that changes with every write to public.categories, so
-- a console that already holds the tree reloads only the usage counts (admin_category_tree's
-- p_known_version) instead of every category's name, slug, description, parent, order and
-- updated_at. At 10,000 categories that part is most of the embedded workspace's load time.
--
-- With it, the structure itself (every category's fields, one array per field, as
-- admin_category_tree sends it), stored at the commit of each write: a first load then reads one
-- value instead of formatting every category (16-19 ms against 35-40 ms at 10,000 categories on the
-- embedded workspace).
--
-- A random uuid, not a counter: a console keeps the tree per profile, and two databases must never
-- answer with the same version. Bumped by a statement trigger (created in the migration after the
-- declarations), in the same transaction as the write, so a reader sees the new categories and the
-- new version together or neither. Every admin function that writes categories locks this row
-- first (private.lock_category_tree): curators' writes, rare, run one at a time, without the
-- deadlock two renumberings of the same siblings could reach.
--
-- Schema private: no API role can see it; admin_category_tree reads it as service_role.

-- Fail fast instead of queueing behind long transactions on a live database.
set local lock_timeout = '10s';
set local statement_timeout = '10min';

create table private.category_tree_version (
  -- One row: the version of this database's tree.
  singleton boolean primary key default true,
  version uuid not null default pg_catalog.gen_random_uuid(),
  -- private.category_tree_structure() at this version, stored at the commit of each category
  -- write (null in between, and after a TRUNCATE: admin_category_tree then builds it).
  structure json,

  constraint category_tree_version_singleton_check check (singleton)
);
comment on table private.category_tree_version is 'One row: a random version of public.categories, replaced by a statement trigger on every write to it (the console reloads the tree''s structure only when it changed), and the structure at that version, stored at commit.';
insert into private.category_tree_version default values;

revoke all on private.category_tree_version from public, anon, authenticated;
grant select on private.category_tree_version to service_role;
