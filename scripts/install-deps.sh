#!/usr/bin/env bash
# Installs the Debian packages vmlab needs, when they are missing:
# the host compilers, the RISC-V cross compiler for guest programs, qemu-user
# for differential tests, valgrind for traces of real programs,
# GMP (libgmp-dev: CPython-sized integer seeds for vmlab exercise), clang's
# runtime libraries for `make fuzz` (libclang-rt-dev: libFuzzer and the
# sanitizers for Debian's default clang, only recommended by clang), and time
# (GNU time: the host-memory tests measure peak RSS with /usr/bin/time -v),
# libdw-dev (elfutils: check/symbols reads guest symbols and DWARF lines)
# llvm (llvm-addr2line: test_symbols' oracle for them) and jq (tests/memcheck.sh
# reads --memcheck --json's report with it), chromium (tests/report.sh renders
# the HTML reports headless, checks their DOM and takes screenshots) and xxd
# (the build embeds report/page.html into vmlab).
set -euo pipefail

packages=(build-essential clang libclang-rt-dev libgmp-dev libdw-dev llvm gcc-riscv64-unknown-elf qemu-user valgrind time jq chromium xxd)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: everything is installed"
	exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
