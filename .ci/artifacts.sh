#!/usr/bin/env bash
# After `mvn verify` (or `package`): the library's modules build their sources and javadoc jars beside the jar,
# attached, so that `mvn install` and `deploy` publish them with it and an IDE shows the documentation (the
# starter's sources also carry the javadoc its configuration properties are described with). The javadoc build
# itself fails on a broken {@link} (doclint, see the parent pom).
set -euo pipefail
cd "$(dirname "$0")/.."

check() { # module artifact entry-in-sources entry-in-javadoc
  local module=$1 artifact=$2 source=$3 doc=$4 kind jar listing want
  for kind in sources javadoc; do
    jar=$(ls "$module"/target/"$artifact"-*-"$kind".jar 2>/dev/null | head -1 || true)
    if [ -z "$jar" ]; then
      echo "artifacts: no $kind jar in $module/target (run mvn verify first)" >&2
      exit 1
    fi
    if [ "$kind" = sources ]; then want=$source; else want=$doc; fi
    # The listing read whole first: grep -q stops reading early, and under pipefail unzip's SIGPIPE would fail it.
    listing=$(unzip -l "$jar")
    if ! grep -Eq " ([^ ]*/)?$want\$" <<<"$listing"; then
      echo "artifacts: $jar lacks $want" >&2
      exit 1
    fi
  done
  listing=$(unzip -l "$(ls "$module"/target/"$artifact"-*-javadoc.jar | head -1)")
  grep -q " index.html\$" <<<"$listing" || { echo "artifacts: the $artifact javadoc has no index.html" >&2; exit 1; }
  echo "artifacts: $artifact has its sources and javadoc jars"
}

check petition-core petition-core org/petition/Petitions.java org/petition/Petitions.html
check petition-spring-starter petition-spring-boot-starter org/petition/spring/PetitionProperties.java \
  org/petition/spring/PetitionProperties.html
