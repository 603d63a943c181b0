#!/usr/bin/env bash
# The one test command. Installs what the tests need when it is missing (PostgreSQL server, Chromium; as root
# or through sudo), builds the solution once, runs every project under tests/ (benchmarks excluded) and ends
# with the line "N passed, M failed". Exits non-zero when anything failed, was skipped, or did not build.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
STARTED=$SECONDS
RESULTS=$ROOT/artifacts/test-results

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Tests create and drop their own databases with this role.
POSTGRES_PRESET=${KOPPEL_TEST_POSTGRES:+yes}
export KOPPEL_TEST_POSTGRES=${KOPPEL_TEST_POSTGRES:-"Host=127.0.0.1;Username=portal;Password=portal"}
export KOPPEL_CHROMIUM=${KOPPEL_CHROMIUM:-/usr/bin/chromium}

step() { printf '\n==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else warn "not root and no sudo: cannot run '$*'"; return 1
    fi
}

newest_postgres() { ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true; }

install_missing_packages() {
    local packages=()
    [ -x "$KOPPEL_CHROMIUM" ] || packages+=(chromium)
    if [ -z "$POSTGRES_PRESET" ]; then
        local version
        version=$(newest_postgres)
        if [ -z "$version" ] || [ ! -x "/usr/lib/postgresql/$version/bin/postgres" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
            packages+=(postgresql)
        fi
    fi
    if [ ${#packages[@]} -eq 0 ]; then
        echo "Chromium and PostgreSQL are installed."
        return 0
    fi
    step "Installing ${packages[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" ||
        warn "could not install ${packages[*]}; the tests that need them will fail"
}

portal_role_can_log_in() {
    PGPASSWORD=portal PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -U portal -d postgres -qtAc 'select 1' >/dev/null 2>&1
}

start_postgres() {
    [ -z "$POSTGRES_PRESET" ] || { echo "Using KOPPEL_TEST_POSTGRES from the environment."; return 0; }
    command -v pg_isready >/dev/null 2>&1 || { warn "PostgreSQL is not installed"; return 1; }
    if ! pg_isready -q -h 127.0.0.1; then
        local version
        version=$(newest_postgres)
        step "Starting PostgreSQL $version"
        pg_lsclusters -h 2>/dev/null | grep -q "^$version main" || as_root pg_createcluster "$version" main
        # No systemd here; restart also picks up binaries an upgrade replaced under a running server.
        as_root pg_ctlcluster "$version" main restart || true
        for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
        pg_isready -q -h 127.0.0.1 || { warn "PostgreSQL did not start"; return 1; }
    fi
    if ! portal_role_can_log_in; then
        as_root su postgres -s /bin/sh -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal') THEN
    CREATE ROLE portal LOGIN PASSWORD 'portal' CREATEDB;
  END IF;
END$$;
SQL
    fi
    portal_role_can_log_in && echo "PostgreSQL is ready (role portal)." || warn "cannot log in to PostgreSQL as portal"
}

# Reads one attribute of the <Counters> element of a trx file (0 when absent).
trx_counter() {
    local value
    value=$(grep -o '<Counters [^>]*' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)
    echo "${value:-0}"
}

step "Test prerequisites"
install_missing_packages
start_postgres || warn "PostgreSQL is not available; tests that need it will fail"
[ -x "$KOPPEL_CHROMIUM" ] || warn "no Chromium at $KOPPEL_CHROMIUM; browser tests will fail"

projects=()
while IFS= read -r project; do
    case "$(basename "$project" .csproj)" in
        *Bench*|*bench*) ;;
        *) projects+=("$project") ;;
    esac
done < <(find tests -mindepth 2 -maxdepth 2 -name '*.csproj' | sort)

rm -rf "$RESULTS" "$ROOT/artifacts/screenshots"
mkdir -p "$RESULTS" "$ROOT/artifacts/screenshots"

total_passed=0
total_failed=0

step "Building"
build_ok=yes
dotnet build Portal.sln -nologo -v:quiet || build_ok=no
# A test project someone forgot to add to the solution is still a test project.
in_solution=$(dotnet sln Portal.sln list 2>/dev/null | tr '\\' '/' || true)
for project in "${projects[@]}"; do
    if ! grep -qxF "$project" <<<"$in_solution"; then
        warn "$project is not in Portal.sln; building it on its own"
        dotnet build "$project" -nologo -v:quiet || build_ok=no
    fi
done
if [ "$build_ok" = no ]; then
    echo "The build failed: counted as 1 failed; projects that did not build fail below."
    total_failed=$((total_failed + 1))
fi

if [ ${#projects[@]} -eq 0 ]; then
    warn "no test projects under tests/"
    total_failed=$((total_failed + 1))
fi

for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    step "Testing $name"
    trx="$RESULTS/$name.trx"
    log="$RESULTS/$name.log"
    project_started=$SECONDS
    exit_code=0
    # A guard against a hung project, not a budget: Infrastructure.Tests takes about 15 minutes on 2 quiet cores.
    timeout --kill-after=30s 35m \
        dotnet test "$project" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" >"$log" 2>&1 || exit_code=$?

    passed=0
    failed=0
    if [ -f "$trx" ]; then
        passed=$(trx_counter "$trx" passed)
        # Everything that did not pass counts: failures, errors, timeouts, aborts, and skipped tests.
        failed=$(( $(trx_counter "$trx" total) - passed ))
    fi
    if [ "$exit_code" -ne 0 ] && [ "$failed" -eq 0 ]; then
        failed=1   # did not build, crashed, or hung: no trustworthy counts
    fi
    if [ "$failed" -ne 0 ]; then
        cat "$log"
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    echo "$name: $passed passed, $failed failed ($((SECONDS - project_started)) s; exit code $exit_code)"
done

echo
echo "Results in artifacts/test-results, screenshots in artifacts/screenshots; $((SECONDS - STARTED)) s in all."
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
