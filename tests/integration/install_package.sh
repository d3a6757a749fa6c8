#!/usr/bin/env bash
# `cmake --install` and the .deb: the binary, the man page, the completions and the docs land
# where Debian expects them; the package's Depends are the runtime libraries the binary
# links; the installed binary runs and `man -l` renders the page.
set -u
: "${LYNCTOPO:?} ${SOURCE_DIR:?} ${WORK_DIR:?}"
work="$WORK_DIR/install_package"
rm -rf "$work" && mkdir -p "$work"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
build=$(dirname "$LYNCTOPO")
for tool in dpkg-deb dpkg-shlibdeps help2man man cpack; do
  command -v "$tool" >/dev/null || { echo "SKIPPED: $tool is missing (scripts/install-deps --with-test-tools)"; exit 77; }
done

# cmake --install into a staging prefix.
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || fail "cmake --install: $(tail -3 "$work/install.log")"
for file in bin/lynctopo share/man/man1/lynctopo.1 share/bash-completion/completions/lynctopo \
  share/zsh/vendor-completions/_lynctopo share/fish/vendor_completions.d/lynctopo.fish \
  share/doc/lynctopo/README.md share/doc/lynctopo/docs/ci.md share/doc/lynctopo/docs/diagnostics.md \
  share/doc/lynctopo/schemas/diff.schema.json share/doc/lynctopo/examples/fabrikam/topology.tbxml; do
  [ -e "$work/prefix/$file" ] || fail "cmake --install did not install $file"
done

# The .deb, built into a folder of our own.
(cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/deb" >"$work/cpack.log" 2>&1) ||
  fail "cpack: $(tail -5 "$work/cpack.log")"
deb=$(ls "$work"/deb/lynctopo_*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then
  fail "no .deb built"
else
  depends=$(dpkg-deb -f "$deb" Depends)
  for lib in libc6 libssl3 libldns3 libpugixml1v5 libfmt9 libstdc++6; do
    [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
  done
  [ "$(dpkg-deb -f "$deb" Package)" = lynctopo ] || fail "package name"
  root="$work/root"
  dpkg-deb -x "$deb" "$root"
  "$root/usr/bin/lynctopo" --version >"$work/version" 2>&1 || fail "installed binary: $(cat "$work/version")"
  grep -q '^lynctopo ' "$work/version" || fail "installed --version: $(cat "$work/version")"
  "$root/usr/bin/lynctopo" validate "$root/usr/share/doc/lynctopo/examples/enterprise.json" >/dev/null ||
    fail "installed binary cannot validate the installed example"
  page=$(ls "$root"/usr/share/man/man1/lynctopo.1* | head -1)
  MANWIDTH=80 man -l "$page" >"$work/man.txt" 2>"$work/man.err" || fail "man -l: $(cat "$work/man.err")"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" "SEE ALSO"; do
    grep -q "^$section" "$work/man.txt" || fail "man page lacks $section"
  done
  grep -q 'generate' "$work/man.txt" || fail "man page does not list the subcommands"
  [ -e "$root/usr/share/bash-completion/completions/lynctopo" ] || fail ".deb lacks the bash completion"
  [ -e "$root/usr/share/doc/lynctopo/README.md" ] || fail ".deb lacks the README"
fi

[ "$failures" -eq 0 ] || exit 1
echo "install: binary, man page, completions, docs; .deb Depends: $depends"
