#!/bin/sh
# Issue 10 linearity check: `check --format json` on one generated file of N positions, best of 3 (wall and CPU).
# usage: bench/scale.sh "isolated cross-thin cross-fat cross-20" "1000 2000"
KINDS=${1:-"isolated cross-thin cross-fat cross-20 okx-inverse tiered cross-1 tiered-20 bybit-fee"}
SIZES=${2:-"1000 2000"}
DIR=$(mktemp -d)
HERE=$(dirname "$0")
for k in $KINDS; do
  for n in $SIZES; do
    node "$HERE/generate.mjs" "$k" "$n" "$DIR/$k-$n.positions.json" > /dev/null
    best=""
    for i in 1 2 3; do
      /usr/bin/time -f "%e %U %S" -o "$DIR/t" node "$HERE/../dist/cli.js" check "$DIR/$k-$n.positions.json" --format json --now 2026-11-24T07:00:00Z > /dev/null 2>&1
      best="$best$(tail -1 "$DIR/t" | awk '{printf "%.2f %.2f\n", $1, $2 + $3}')
"
    done
    echo "$best" | awk -v k="$k" -v n="$n" 'NF { if (w == "" || $1 < w) w = $1; if (c == "" || $2 < c) c = $2 } END { printf "%-12s %6d  wall %6.2f s  cpu %6.2f s\n", k, n, w, c }'
  done
done
rm -rf "$DIR"
