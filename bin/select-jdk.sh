# shellcheck shell=bash
# Sourced, not run: points JAVA_HOME at a JDK 21 or newer. Fairdraw compiles for Java 21, and
# many machines still default to 17, so every entry script picks a JDK itself instead of
# trusting whatever `java` is first on PATH.

fairdraw_java_major() {
  # Prints the feature version of the JDK at $1 (for example 25), or nothing if it is not a JDK.
  local home=$1
  [ -x "$home/bin/javac" ] || return 0
  "$home/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

fairdraw_select_jdk() {
  local candidate major best="" best_major=0
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    major=$(fairdraw_java_major "$candidate")
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then
      return 0  # the caller's choice is good enough: keep it
    fi
    if [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "Fairdraw needs a JDK 21 or newer; none found (set JAVA_HOME to one)." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
