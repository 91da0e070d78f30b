-- perfgate history, schema 2: comparisons link the two stored sides of a `perfgate ab` (or any
-- saved comparison) with the verdict they got, so the pair can be found and re-checked later.
-- Sides are trial groups (every trial of a side shares one); times are epoch nanoseconds (UTC).

CREATE TABLE comparisons (
  id                  VARCHAR(40) NOT NULL PRIMARY KEY,
  kind                VARCHAR(16) NOT NULL,
  project             TEXT        NOT NULL,
  plan_name           TEXT        NOT NULL,
  base_label          TEXT        NOT NULL,
  base_group          TEXT        NOT NULL,
  base_sha            VARCHAR(64),
  head_label          TEXT        NOT NULL,
  head_group          TEXT        NOT NULL,
  head_sha            VARCHAR(64),
  verdict             VARCHAR(16) NOT NULL,
  created_epoch_nanos BIGINT      NOT NULL
);
CREATE INDEX comparisons_time ON comparisons (created_epoch_nanos);
CREATE INDEX comparisons_groups ON comparisons (base_group, head_group);
