package org.perfgate.ab;

/** Which revision a trial measures. */
enum Side {
  BASE, HEAD;

  Side other() {
    return this == BASE ? HEAD : BASE;
  }

  String label() {
    return this == BASE ? "base" : "head";
  }
}
