#!/usr/bin/env bash
# What an in-memory user of petition-core gets: resolves the dependencies of a throw-away project that depends
# on the installed petition-core alone, and fails if Flyway or Jackson (the JDBC store's) are among them.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(mvn -B -q help:evaluate -Dexpression=project.version -DforceStdout -pl petition-core | sed "s/\x1b\[[0-9;]*m//g")
mvn -B -q install -DskipTests -pl petition-core -am
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId><artifactId>in-memory-user</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.petition</groupId><artifactId>petition-core</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
POM
mvn -B -q -f "$work/pom.xml" dependency:list -DincludeScope=runtime -DoutputFile="$work/deps.txt"
if grep -Ei 'flyway|jackson' "$work/deps.txt"; then
  echo "consumer-deps: an in-memory user of petition-core gets Flyway or Jackson (above)" >&2
  exit 1
fi
echo "consumer-deps: an in-memory user of petition-core $version gets $(grep -c ':jar:' "$work/deps.txt") jars, no Flyway, no Jackson"
