# SPDX-License-Identifier: Apache-2.0
# Sourced by ./mvnw and bin/cascade (POSIX sh). Cascade builds with JDK 21 or newer; many machines
# default to an older java. Keep JAVA_HOME when it is >= 21, else take the newest JDK >= 21 under
# /usr/lib/jvm (or the javac on PATH). Leaves JAVA_HOME alone when none is found: Maven's enforcer
# then says what is missing.
cascade_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}
cascade_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    _v=$(cascade_java_major "$JAVA_HOME/bin/java")
    if [ -n "$_v" ] && [ "$_v" -ge 21 ]; then CASCADE_JAVA_MAJOR=$_v; return 0; fi
  fi
  _best=""; _best_v=0
  _path_jdk=""
  if command -v javac >/dev/null 2>&1; then
    _path_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  fi
  for _c in /usr/lib/jvm/* $_path_jdk; do
    [ -x "$_c/bin/javac" ] || continue
    _v=$(cascade_java_major "$_c/bin/java")
    [ -n "$_v" ] || continue
    if [ "$_v" -ge 21 ] && [ "$_v" -gt "$_best_v" ]; then _best=$_c; _best_v=$_v; fi
  done
  if [ -n "$_best" ]; then
    JAVA_HOME=$_best; CASCADE_JAVA_MAJOR=$_best_v; export JAVA_HOME
    return 0
  fi
  return 1
}
