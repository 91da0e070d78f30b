package org.perfgate.store;

/** What differs between the two databases; everything else is plain SQL that both accept. */
enum Dialect {
  SQLITE("BLOB"),
  POSTGRESQL("BYTEA");

  private final String blobType;

  Dialect(String blobType) {
    this.blobType = blobType;
  }

  /** The column type of the gzipped result, substituted for {@code ${blob_type}} in migrations. */
  String blobType() {
    return blobType;
  }
}
