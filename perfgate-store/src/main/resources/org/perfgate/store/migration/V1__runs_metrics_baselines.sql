-- perfgate history, schema 1. Plain SQL that SQLite and PostgreSQL both accept; ${blob_type} is
-- BLOB or BYTEA. Times are epoch nanoseconds (UTC), so they sort and compare as numbers.

CREATE TABLE runs (
  id                  VARCHAR(40)  NOT NULL PRIMARY KEY,
  project             TEXT         NOT NULL,
  plan_name           TEXT         NOT NULL,
  plan_hash           VARCHAR(64)  NOT NULL,
  git_sha             VARCHAR(64),
  branch              TEXT,
  tag                 TEXT,
  started_epoch_nanos BIGINT       NOT NULL,
  cpu_model           TEXT         NOT NULL,
  cores               INTEGER      NOT NULL,
  os                  TEXT         NOT NULL,
  jdk                 TEXT         NOT NULL,
  perfgate_version    TEXT         NOT NULL,
  labels_json         TEXT         NOT NULL,
  trial_group         TEXT         NOT NULL,
  trial               INTEGER      NOT NULL,
  thresholds_passed   BOOLEAN      NOT NULL,
  abort_reason        TEXT,
  result_codec_gzip   ${blob_type} NOT NULL
);
CREATE INDEX runs_plan_time ON runs (plan_name, started_epoch_nanos);
CREATE INDEX runs_time ON runs (started_epoch_nanos);
CREATE INDEX runs_trial_group ON runs (trial_group, trial);

-- One row per (sub-)metric of a run, so history and change points need no blob decoding.
-- Trends: count, min, avg, p50, p90, p95, p99, p999, max in the display unit (ms for times).
-- Counters: count and rate (per second). Rates: count = passes + fails, value = passes, rate.
-- Gauges: value, min, max.
CREATE TABLE run_metrics (
  run_id      VARCHAR(40) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  metric_key  TEXT        NOT NULL,
  metric_name TEXT        NOT NULL,
  metric_type VARCHAR(10) NOT NULL,
  count       DOUBLE PRECISION,
  min         DOUBLE PRECISION,
  avg         DOUBLE PRECISION,
  p50         DOUBLE PRECISION,
  p90         DOUBLE PRECISION,
  p95         DOUBLE PRECISION,
  p99         DOUBLE PRECISION,
  p999        DOUBLE PRECISION,
  max         DOUBLE PRECISION,
  rate        DOUBLE PRECISION,
  value       DOUBLE PRECISION
);
CREATE INDEX run_metrics_run ON run_metrics (run_id, metric_key);
CREATE INDEX run_metrics_name ON run_metrics (metric_name, run_id);

CREATE TABLE baselines (
  name                 TEXT         NOT NULL PRIMARY KEY,
  trial_group          TEXT         NOT NULL,
  run_id               VARCHAR(40)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  saved_at_epoch_nanos BIGINT       NOT NULL
);
