package org.perfgate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where history is kept: options shared by every command that reads or writes the store. */
final class StoreOptions {
  @Option(names = "--store", paramLabel = "LOCATION",
      description = "History store: a SQLite file path (default .perfgate/history.db) or postgresql://user@host:port/db."
          + " Also PERFGATE_STORE or 'store:' in perfgate.yaml.")
  String store;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Project config (store, labels, budgets, profiles). Default: perfgate.yaml if present.")
  Path config;
}
