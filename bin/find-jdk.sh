# Sourced by ./mvnw, ./perfgate and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: JAVA_HOME if it is >= 21, then the newest JDK under /usr/lib/jvm (or
# PERFGATE_JDK_DIRS, colon-separated), then `java` on PATH. Fails with an install hint.
perfgate_java_major() {
  # The JDK's release file first: starting a JVM per candidate cost ~0.1 CPU-second each on every
  # ./perfgate run (bench/efficiency.sh counts the launcher's CPU too).
  local major=""
  if [ -f "$1/release" ]; then
    major=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$1/release" | head -n 1)
  fi
  if [ -z "$major" ]; then
    major=$("$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "$major"
}
perfgate_find_jdk() {
  local best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(perfgate_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then return 0; fi
  fi
  local dirs="${PERFGATE_JDK_DIRS:-/usr/lib/jvm}"
  local IFS=':'
  for dir in $dirs; do
    for candidate in "$dir"/*; do
      [ -x "$candidate/bin/javac" ] || continue
      major=$(perfgate_java_major "$candidate")
      if [ "${major:-0}" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
    done
  done
  if [ "$best_major" -lt 21 ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(perfgate_java_major "$candidate")
    if [ "${major:-0}" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  fi
  if [ "$best_major" -lt 21 ]; then
    echo "perfgate: needs a JDK >= 21 (found none in JAVA_HOME, /usr/lib/jvm or PATH)." >&2
    echo "perfgate: install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+, or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
perfgate_find_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
