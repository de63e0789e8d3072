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
#   ensure_test_apps: the real apps the tests walk that npm provides, such as the react-admin
#      helpdesk (tests/fixtures/react_admin/app): npm ci when its package-lock.json changes, the
#      vite build when its lock or sources change, into node_modules/ and dist/ (git-ignored)
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

# The npm-built apps that tests/realapps walks. Unlike the references, a missing or too old
# Node.js stops the run: those tests cannot say anything without their app.
REACT_ADMIN_APP="$ROOT/tests/fixtures/react_admin/app"
NODE_NEEDED=18   # the oldest Node.js its pinned packages declare they run on (vite 6: 18, 20, 22 and later)

node_is_new_enough() {
  node -e "process.exit(Number(process.versions.node.split('.')[0]) >= $NODE_NEEDED ? 0 : 1)" 2>/dev/null
}

# What a build is made of, as tests/realapps/react_admin_app.py reads it too: the lock and the
# sources, in the byte order of their paths.
app_build_inputs_hash() {
  (cd "$1" && find package-lock.json index.html vite.config.js src -type f -print0 \
    | LC_ALL=C sort -z | xargs -0 cat | sha256sum | cut -d' ' -f1)
}

ensure_test_apps() {
  local app="$REACT_ADMIN_APP" installed built wanted_install wanted_build
  installed="$app/node_modules/.helpcentre-installed"
  built="$app/dist/.helpcentre-built"
  wanted_install="$(sha256sum < "$app/package-lock.json" | cut -d' ' -f1)"
  wanted_build="$(app_build_inputs_hash "$app")"
  if [ "$(cat "$installed" 2>/dev/null)" = "$wanted_install" ] && [ "$(cat "$built" 2>/dev/null)" = "$wanted_build" ]; then
    return
  fi
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm || true
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say "no node and npm, so the react-admin helpdesk that tests/realapps walks cannot be built."
    say "install Node.js $NODE_NEEDED or newer with npm (Debian: apt-get install nodejs npm), then run this again."
    exit 1
  fi
  if ! node_is_new_enough; then
    say "node $(node --version) is too old to build the react-admin helpdesk (tests/fixtures/react_admin/app): vite needs $NODE_NEEDED or newer."
    say "install a newer Node.js, then run this again."
    exit 1
  fi
  if [ "$(cat "$installed" 2>/dev/null)" != "$wanted_install" ]; then
    say "installing the react-admin helpdesk's packages (npm ci in tests/fixtures/react_admin/app/)"
    npm ci --prefix "$app" --no-audit --no-fund --loglevel=error >/dev/null
    echo "$wanted_install" > "$installed"
  fi
  say "building the react-admin helpdesk (vite build into tests/fixtures/react_admin/app/dist/)"
  npm run --prefix "$app" --silent build >/dev/null
  echo "$wanted_build" > "$built"
}

ensure_venv
ensure_packages
