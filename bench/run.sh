#!/usr/bin/env bash
# bench/run.sh: redact against GNU grep (and Vale, when installed) on the
# same generated corpus, side by side, with the ratios issue 6 sets.
#
#   bench/run.sh                 # 24 MB corpus, all cores
#   MB=100 bench/run.sh          # a 100 MB archive
#   RUNS=5 KEEP=1 bench/run.sh   # more runs; keep the work directory
#   REDACT=/path/to/redact WARMUP=0 bench/run.sh   # another build (say, an old one)
#
# Needs: go, GNU grep, /usr/bin/time (GNU time, for peak RSS). Uses
# hyperfine when installed (apt-get install -y hyperfine), else one timed
# run each. Vale v3.22.0 is measured when `vale` is on PATH:
#   go install github.com/vale-cli/vale/v3/cmd/vale@v3.22.0
# It is slow, so it gets a VALE_MB slice of the corpus (default 2 MB) and
# VALE_PLACES names (default 10000) as one existence rule; VALE_MB=0 skips it.
#
# These are measurements, not tests: nothing here fails on a slow machine.
set -euo pipefail

MB=${MB:-24}
RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
VALE_MB=${VALE_MB:-2}
VALE_PLACES=${VALE_PLACES:-10000}
NPLACES=${NPLACES:-150000}

cd "$(dirname "$0")/.."
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/redact-bench.XXXXXX")}
mkdir -p "$work"
if [ -z "${KEEP:-}" ] && [ -z "${WORK:-}" ]; then
	trap 'rm -rf "$work"' EXIT
fi

TIME=/usr/bin/time
if ! "$TIME" -f %M true >/dev/null 2>&1; then
	echo "bench: GNU time is needed at /usr/bin/time for peak memory (apt-get install -y time)" >&2
	exit 2
fi

echo "building redact and the corpus in $work" >&2
if [ -n "${REDACT:-}" ]; then
	cp "$REDACT" "$work/redact"
else
	go build -o "$work/redact" ./cmd/redact
fi
go run ./bench/gencorpus -out "$work/corpus" -mb "$MB" -places "$work/places.txt" \
	-nplaces "$NPLACES" -story "$work/story.md"
# A quarter of the corpus, to show that time grows linearly with size.
mkdir -p "$work/quarter"
ndirs=$(find "$work/corpus" -mindepth 1 -maxdepth 1 -type d | wc -l)
q=$(( (ndirs + 3) / 4 ))
# Hard links: redact does not follow symbolic links met in a walk.
for d in $(find "$work/corpus" -mindepth 1 -maxdepth 1 -type d | sort | head -n "$q"); do
	cp -rl "$d" "$work/quarter/" 2>/dev/null || cp -r "$d" "$work/quarter/"
done

bytes() { find "$1" -type f -exec cat {} + | wc -c; }
corpus_bytes=$(bytes "$work/corpus")
quarter_bytes=$(bytes "$work/quarter")
story_bytes=$(wc -c <"$work/story.md")
files=$(find "$work/corpus" -type f | wc -l)

# wall NAME CMD...: mean wall seconds of CMD (stdout discarded).
wall() {
	local name=$1
	shift
	if command -v hyperfine >/dev/null; then
		hyperfine -N -i --warmup "$WARMUP" --runs "$RUNS" --export-csv "$work/$name.csv" \
			--command-name "$name" "$(printf '%q ' "$@")" >/dev/null 2>&1
		awk -F, 'NR == 2 { printf "%.3f", $2 }' "$work/$name.csv"
	else
		local t0 t1
		t0=$(date +%s.%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }'
	fi
}

# rss CMD...: peak resident memory of CMD in MB.
rss() {
	"$TIME" -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
	# GNU time puts "Command exited with non-zero status" first.
	tail -n 1 "$work/rss" | awk '{ printf "%.0f", $1 / 1024 }'
}

redact_scan() { echo "$work/redact" scan --quiet --format json "$@"; }
grep_places() { echo grep -r -o -F -w -f "$work/places.txt" "$@"; }

echo "measuring (runs: $RUNS)" >&2
g_corpus=$(wall grep-corpus $(grep_places "$work/corpus"))
r_corpus=$(wall redact-corpus $(redact_scan "$work/corpus"))
r_quarter=$(wall redact-quarter $(redact_scan "$work/quarter"))
g_story=$(wall grep-story $(grep_places "$work/story.md"))
r_story=$(wall redact-story $(redact_scan "$work/story.md"))
g_rss=$(rss $(grep_places "$work/corpus"))
r_rss=$(rss $(redact_scan "$work/corpus"))
r_rss_q=$(rss $(redact_scan "$work/quarter"))
r_rss_story=$(rss $(redact_scan "$work/story.md"))

v_row=""
if command -v vale >/dev/null && [ "$VALE_MB" != 0 ]; then
	vdir="$work/vale"
	mkdir -p "$vdir/styles/Places" "$vdir/corpus"
	{
		echo "extends: existence"
		echo "message: \"place '%s'\""
		echo "level: error"
		echo "ignorecase: false"
		echo "tokens:"
		head -n "$VALE_PLACES" "$work/places.txt" | sed "s/'/''/g; s/.*/  - '&'/"
	} >"$vdir/styles/Places/Place.yml"
	printf 'StylesPath = styles\nMinAlertLevel = suggestion\n[*.md]\nBasedOnStyles = Places\n' >"$vdir/.vale.ini"
	total=0
	for f in $(find "$work/corpus" -type f | sort); do
		[ "$total" -ge $((VALE_MB * 1000000)) ] && break
		cp "$f" "$vdir/corpus/"
		total=$((total + $(wc -c <"$f")))
	done
	v_bytes=$(bytes "$vdir/corpus")
	v_wall=$(cd "$vdir" && wall vale-slice vale --config .vale.ini --output JSON corpus)
	v_rss=$(cd "$vdir" && rss vale --config .vale.ini --output JSON corpus)
	v_row=$(awk -v b="$v_bytes" -v t="$v_wall" -v m="$v_rss" -v n="$VALE_PLACES" \
		'BEGIN { printf "| vale v3.22.0, %d places (%.1f MB slice) | %.2f s | %.2f MB/s | %d MB |", n, b / 1e6, t, b / 1e6 / t, m }')
fi

cpus=$(getconf _NPROCESSORS_ONLN)
model=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m)
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

mbs() { awk -v b="$1" -v t="$2" 'BEGIN { printf "%.2f", b / 1e6 / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

cat <<EOF
machine: $cpus CPUs, $model; load average before the run: $load
corpus: $(awk -v b="$corpus_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $files files (bench/gencorpus, MB=$MB); story: $story_bytes bytes
place list: $(wc -l <"$work/places.txt") names
$(command -v hyperfine >/dev/null && echo "timing: hyperfine, mean of $RUNS runs after $WARMUP warm-up runs" || echo "timing: one run each (install hyperfine for means)")

| command | corpus | throughput | peak RSS | one story |
| --- | --- | --- | --- | --- |
| \`grep -r -o -F -w -f places.txt\` | $g_corpus s | $(mbs "$corpus_bytes" "$g_corpus") MB/s | $g_rss MB | $g_story s |
| \`redact scan --format json\` | $r_corpus s | $(mbs "$corpus_bytes" "$r_corpus") MB/s | $r_rss MB | $r_story s ($r_rss_story MB) |
${v_row}

| ratio | value | target |
| --- | --- | --- |
| throughput: redact / grep wall time, corpus | $(ratio "$r_corpus" "$g_corpus") | <= 1.0 |
| start-up: redact / grep wall time, one story | $(ratio "$r_story" "$g_story") | <= 0.2 (and under 30 ms) |
| memory: redact peak RSS, corpus | $r_rss MB | <= 150 MB |
| scaling: corpus / quarter time (size ratio $(ratio "$corpus_bytes" "$quarter_bytes")) | $(ratio "$r_corpus" "$r_quarter") | about the size ratio |
| memory growth: corpus / quarter RSS | $(ratio "$r_rss" "$r_rss_q") | about 1 (flat) |
EOF
