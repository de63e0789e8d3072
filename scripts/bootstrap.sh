# Sourced by scripts/run and scripts/test. Idempotent: a second run does no network work.
# Sourcing it always ensures what every command needs:
#   1. a virtual environment in .venv/
#   2. the pinned packages (requirements.lock), reinstalled only when the pins change
# The rest are functions that the scripts call only when they need them, so that commands
# without a browser (./scripts/run lint, from the pre-commit hook) start at once:
#   ensure_chromium: HELPCENTRE_CHROMIUM, else Playwright's own, else the system one,
#      installed with apt-get where this machine allows it
#   ensure_test_references: the npm packages the tests check against (npm ci in
#      tests/reference/): pixelmatch for tests/compare, axe-core for the accessibility audit;
#      reinstalled only when its package-lock.json changes; node and npm from apt-get where missing
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PYTHON="${HELPCENTRE_PYTHON:-python3}"
export NO_MKDOCS_2_WARNING=1

say() { printf 'helpcentre: %s\n' "$*" >&2; }

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in .venv/"
    "$PYTHON" -m venv "$VENV"
  fi
}

ensure_packages() {
  local stamp="$VENV/.helpcentre-installed" wanted
  wanted="$(cat "$ROOT/pyproject.toml" "$ROOT/requirements.lock" | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
    return
  fi
  say "installing the pinned packages"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    --constraint "$ROOT/requirements.lock" --editable "$ROOT[test]"
  echo "$wanted" > "$stamp"
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    sudo -n true 2>/dev/null || return 1
    sudo="sudo -n"
  fi
  say "installing Debian's $* with apt-get"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

install_system_chromium() {
  apt_install chromium fonts-dejavu-core
}

ensure_chromium() {
  if ! "$VENV/bin/helpcentre" browser --check >/dev/null 2>&1; then
    if [ -n "${HELPCENTRE_CHROMIUM:-}" ]; then
      "$VENV/bin/helpcentre" browser --check
      exit 1
    fi
    install_system_chromium || true
    if ! "$VENV/bin/helpcentre" browser --check >/dev/null; then
      say "no Chromium could be found or installed."
      say "install one (Debian: apt-get install chromium; elsewhere: .venv/bin/playwright install chromium)"
      say "or set HELPCENTRE_CHROMIUM to a Chromium executable, then run this again."
      exit 1
    fi
  fi
  say "Chromium: $("$VENV/bin/helpcentre" browser)"
}

ensure_test_references() {
  local reference="$ROOT/tests/reference" stamp wanted
  stamp="$reference/node_modules/.helpcentre-installed"
  wanted="$(sha256sum < "$reference/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
    return
  fi
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm || true
  if ! command -v npm >/dev/null 2>&1; then
    # Not fatal here: the rest of the suite runs, and the agreement tests fail saying why.
    say "no node and npm, so no pixelmatch or axe-core: tests/compare's agreement tests and the accessibility audit will fail."
    say "install them (Debian: apt-get install nodejs npm), then run this again."
    return
  fi
  say "installing the test references, pixelmatch and axe-core (npm ci in tests/reference/)"
  npm ci --prefix "$reference" --no-audit --no-fund --loglevel=error >/dev/null
  echo "$wanted" > "$stamp"
}

ensure_venv
ensure_packages
