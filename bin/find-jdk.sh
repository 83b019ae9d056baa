# Sourced by ./eddy and .ci/run: sets JAVA_HOME to a JDK >= 21, or explains and exits.
# Order: $JAVA_HOME if new enough, then the newest JDK in the system's JVM folders.

eddy_java_major() { # $1 = a JDK home; prints its major version or nothing
  local v
  [ -x "$1/bin/javac" ] || return 0
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${v%%.*}"
}

eddy_find_jdk() {
  local want=21 cand major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(eddy_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$want" ]; then return 0; fi
  fi
  for cand in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$cand" ] || continue
    major=$(eddy_java_major "$cand")
    if [ -n "$major" ] && [ "$major" -ge "$want" ] && [ "$major" -gt "$best_major" ]; then
      best=$cand; best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "eddy: no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}; searched /usr/lib/jvm, /usr/java, /opt)." >&2
    echo "eddy: install one (e.g. Temurin 21+) or point JAVA_HOME at it." >&2
    exit 1
  fi
  export JAVA_HOME=$best
}

eddy_find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8's bundled Guava pokes sun.misc.Unsafe; JDK 24+ warns about it on every build.
if [ "$(eddy_java_major "$JAVA_HOME")" -ge 24 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
