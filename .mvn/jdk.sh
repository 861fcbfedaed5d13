# Sourced (POSIX sh) by ./mvnw, ./rsp and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: JAVA_HOME if it is 21+, then the newest 21+ under /usr/lib/jvm (OPENRSP_JDK_DIR overrides,
# for tests), then `javac` on the PATH.

openrsp_jdk_major() {
  # The JDK's own `release` file names its version; fall back to asking the java binary.
  _v=""
  if [ -r "$1/release" ]; then
    _v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  fi
  if [ -z "$_v" ] && [ -x "$1/bin/java" ]; then
    _v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$_v" in
    1.*) echo 1 ;;
    "") echo 0 ;;
    *) echo "${_v%%[!0-9]*}" ;;
  esac
}

openrsp_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(openrsp_jdk_major "$JAVA_HOME")" -ge 21 ]; then
    return 0
  fi
  _best="" _best_major=0 _noglob=""
  case $- in *f*) _noglob=1; set +f ;; esac  # mvnw runs with globbing off
  for _dir in "${OPENRSP_JDK_DIR:-/usr/lib/jvm}"/*; do
    [ -x "$_dir/bin/javac" ] || continue
    _major=$(openrsp_jdk_major "$_dir")
    if [ "$_major" -ge 21 ] && [ "$_major" -gt "$_best_major" ]; then
      _best=$_dir _best_major=$_major
    fi
  done
  if [ -n "$_noglob" ]; then set -f; fi
  if [ -z "$_best" ] && command -v javac >/dev/null 2>&1; then
    _dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(openrsp_jdk_major "$_dir")" -ge 21 ]; then _best=$_dir; fi
  fi
  if [ -z "$_best" ]; then
    echo "error: no JDK 21 or newer found (looked at JAVA_HOME=${JAVA_HOME:-<unset>}, ${OPENRSP_JDK_DIR:-/usr/lib/jvm}/*, javac on PATH)." >&2
    echo "       Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME=$_best
  export JAVA_HOME
}
