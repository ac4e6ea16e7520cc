#!/usr/bin/env bash
# The oracle for `vmlab run --memcheck` (issue 12): what valgrind's memcheck
# reports for each examples/mistake-NAME.c and tests/memcheck/NAME.c compiled
# natively, reduced to the facts that do not depend on the host
# (tests/memcheck/NAME.expected):
#   HEADLINE                       an error, a leak record or a fatal signal
#     main (FILE.c:LINE)           the first main frame of its stack
#     Address ADDR is ...          where the address is (the address itself
#                                  and the process id normalized away)
#     in frame #N, created by ...  for an address on the stack, its frame
#       main (FILE.c:LINE)         the first main frame of that block's stack
#     Block was alloc'd at         (and so on for every stack of the error)
#       main (FILE.c:LINE)
#   ERROR SUMMARY: N errors from M contexts
# Every run re-derives the facts from valgrind and compares them with the
# committed files, so they cannot go stale; a missing valgrind is a failure
# (scripts/install-deps.sh installs it), never a skip.
#
#   tests/memcheck_oracle.sh [--write] [NAME...]
#   tests/memcheck_oracle.sh --facts <LOG     (the facts of any memcheck log:
#                                            --memcheck's test can reuse it)
#   tests/memcheck_oracle.sh --derive NAME [VALGRIND_OPTION...]
#                                           (valgrind's facts for NAME now,
#                                            with those options added)
# NAME is a program's name without .c (default: every examples/mistake-*.c
# and tests/memcheck/*.c);
# --write rewrites the .expected files instead (check them before committing).
# MEMCHECK_EXPECTED names another directory of .expected files, VALGRIND and
# HOST_CC other programs (for the tests of this script's failures).
# Prints "memcheck_oracle: N passed, N failed"; exits non-zero on a failure.
set -u
expected_dir=${MEMCHECK_EXPECTED:-tests/memcheck}
valgrind=${VALGRIND:-valgrind}
host_cc=${HOST_CC:-gcc}
# As vmlab compiles guest programs (-ffreestanding implies -fno-builtin), so
# strcpy stays a call to strcpy; -O0 keeps every access the source makes.
cflags=(-g -O0 -fno-omit-frame-pointer -fno-builtin)
passed=0 failed=0

summary() {
	echo "memcheck_oracle: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}

# Reduces a valgrind log (stdin) to the facts. A paragraph (lines between
# empty "==PID== " lines) that holds a stack is an error, a leak record or a
# fatal signal: its first line is the headline; a line indented by one space
# that says where the address is or opens another stack ("Block was alloc'd
# at") is kept with the address normalized; of each stack the first main
# frame is kept, or "no main frame".
facts() {
	sed -E 's/^==[0-9]+== ?//' | awk '
		function close_stack() {
			if (want_main && in_stack)
				keep(indent "no main frame")
			want_main = 0; in_stack = 0
		}
		function flush(   i) {
			close_stack()
			if (has_stack)
				for (i = 1; i <= n; i++)
					print out[i]
			n = 0; has_stack = 0
		}
		function keep(line) { out[++n] = line }
		/^$/ { flush(); next }
		/^ERROR SUMMARY: / { flush(); sub(/ \(suppressed:.*/, ""); print; next }
		n == 0 && /^[^ ]/ { keep($0); want_main = 1; indent = "  "; next }
		n == 0 { next }
		/^   (at|by) 0x[0-9A-Fa-f]+: / {
			has_stack = 1; in_stack = 1
			if (want_main && $0 ~ /: main \(/) {
				sub(/^   (at|by) 0x[0-9A-Fa-f]+: /, "")
				keep(indent $0)
				want_main = 0
			}
			next
		}
		/^ (Access not|Bad permissions|in frame #)/ {
			line = substr($0, 2)
			gsub(/0x[0-9A-Fa-f]+/, "ADDR", line)
			keep("  " line)
			next
		}
		/^ (Address|Block was|Uninitialised value)/ {
			close_stack()
			line = substr($0, 2)
			gsub(/0x[0-9A-Fa-f]+/, "ADDR", line)
			keep("  " line)
			want_main = 1; indent = "    "
			next
		}
		END { flush() }'
}

write=0 derive_only=0
if [ "${1:-}" == "--facts" ]; then
	facts
	exit
elif [ "${1:-}" == "--write" ]; then
	write=1
	shift
elif [ "${1:-}" == "--derive" ]; then
	derive_only=1
	shift
fi
for tool in "$valgrind" "$host_cc"; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "memcheck_oracle: $tool not found: run scripts/install-deps.sh (make deps) to install it"
		failed=1
		summary
	fi
done

names=("$@")
if [ ${#names[@]} -eq 0 ]; then
	for src in examples/mistake-*.c tests/memcheck/*.c; do
		names+=("$(basename "$src" .c)")
	done
fi
# Where a program's source is: examples/ for the mistakes, else tests/memcheck/.
source_of() {
	if [ -f "examples/$1.c" ]; then echo "examples/$1.c"; else echo "tests/memcheck/$1.c"; fi
}
# An .expected file whose program is gone is stale.
for file in "$expected_dir"/*.expected; do
	[ -e "$file" ] || continue
	name=$(basename "$file" .expected)
	if [ ! -f "$(source_of "$name")" ]; then
		echo "FAIL memcheck_oracle: $file has no examples/$name.c or tests/memcheck/$name.c (remove it)"
		failed=$((failed + 1))
	fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Compiles and runs one example under valgrind (with the options after its
# name); prints its facts, or a message and fails.
derive() {
	local name=$1 src bin=$work/$1 log=$work/$1.log
	shift
	src=$(source_of "$name")
	if [ ! -f "$src" ]; then
		echo "no such program: $src"
		return 1
	fi
	if ! "$host_cc" "${cflags[@]}" -o "$bin" "$src" 2>"$work/$name.cc"; then
		echo "$host_cc could not compile $src:"
		cat "$work/$name.cc"
		return 1
	fi
	# The program may die of a signal (the shell's report of it is dropped).
	{ (cd "$work" && exec "$valgrind" --leak-check=full "$@" --log-file="$log" "./$name" >/dev/null 2>&1 </dev/null); } \
		2>/dev/null
	if ! grep -q 'ERROR SUMMARY: ' "$log" 2>/dev/null; then
		echo "$valgrind printed no ERROR SUMMARY for $src:"
		cat "$log" 2>/dev/null
		return 1
	fi
	facts <"$log"
}

if [ $derive_only -eq 1 ]; then
	derive "$@"
	exit
fi

for name in "${names[@]}"; do
	want=$expected_dir/$name.expected
	if ! got=$(derive "$name"); then
		echo "FAIL memcheck_oracle: $name: $got"
		failed=$((failed + 1))
	elif [ $write -eq 1 ]; then
		printf '%s\n' "$got" >"$want"
		echo "memcheck_oracle: wrote $want"
		passed=$((passed + 1))
	elif [ ! -f "$want" ]; then
		echo "FAIL memcheck_oracle: $name: no $want (write it with tests/memcheck_oracle.sh --write $name)"
		failed=$((failed + 1))
	elif [ "$got" == "$(cat "$want")" ]; then
		passed=$((passed + 1))
	else
		echo "FAIL memcheck_oracle: $name: valgrind now reports other facts than $want (< committed, > valgrind):"
		diff <(cat "$want") <(printf '%s\n' "$got") | head -20
		failed=$((failed + 1))
	fi
done
summary
