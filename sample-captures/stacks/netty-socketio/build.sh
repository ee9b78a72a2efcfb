#!/usr/bin/env bash
# Fetches netty-socketio <version> (default 2.0.13) and its dependencies from Maven Central into a
# scratch directory outside the repository, compiles NettyServer.java there, and prints the class
# path to run it with (last line of stdout). Needs mvn and a JDK 17.
set -euo pipefail
version="${1:-2.0.13}"
# slf4j-simple must match the slf4j-api netty-socketio brings: 1.7.x for netty-socketio 1.7, 2.0.x for 2.0
case "$version" in 1.*) slf4j=1.7.36 ;; *) slf4j=2.0.16 ;; esac
here="$(cd "$(dirname "$0")" && pwd)"
scratch="${SIO_NETTY_SCRATCH:-${TMPDIR:-/tmp}/sio-doctor-netty-socketio-$version}"
mkdir -p "$scratch/lib" "$scratch/classes"
if [ ! -f "$scratch/lib/.done" ]; then
  mvn -B -q -f "$here/pom.xml" -Dnetty.socketio.version="$version" -Dslf4j.version="$slf4j" dependency:copy-dependencies \
    -DoutputDirectory="$scratch/lib" -DincludeScope=runtime >&2
  touch "$scratch/lib/.done"
fi
if [ ! -f "$scratch/classes/NettyServer.class" ] || [ "$here/NettyServer.java" -nt "$scratch/classes/NettyServer.class" ]; then
  javac -nowarn -d "$scratch/classes" -cp "$scratch/lib/*" "$here/NettyServer.java" >&2
fi
echo "$scratch/classes:$scratch/lib/*"
