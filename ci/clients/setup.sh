#!/usr/bin/env bash
# Installs the third-party clients that ci/clients/check.py loads whomet's exports with:
#   Debian: graphviz (dot, gc), libxml2-utils (xmllint), chromium (headless report check),
#     libreoffice-calc-nogui (soffice: the CSVs opened in a spreadsheet, issue 18)
#   Python venv at $WHOMET_VENV (default: .venv in the repository root):
#     networkx>=3.5 (GraphML, GEXF 1.3), python-igraph (GraphML), kuzu (CSV import, Cypher),
#     openpyxl (reads the spreadsheet LibreOffice makes of the CSVs)
# Idempotent: installs only what is missing, runs `apt-get update` at most once, and says what it
# does (on stderr).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
venv="${WHOMET_VENV:-$root/.venv}"
say() { printf 'setup: %s\n' "$*" >&2; }

sudo_cmd=()
if [ "$(id -u)" != 0 ]; then
    sudo_cmd=(sudo)
fi

# Debian packages: command -> package.
missing=()
for pair in dot:graphviz gc:graphviz xmllint:libxml2-utils chromium:chromium soffice:libreoffice-calc-nogui; do
    cmd="${pair%%:*}" pkg="${pair#*:}"
    if ! command -v "$cmd" >/dev/null 2>&1; then
        case " ${missing[*]-} " in *" $pkg "*) ;; *) missing+=("$pkg") ;; esac
    fi
done
if [ "${#missing[@]}" -gt 0 ]; then
    say "apt-get update (once), then apt-get install -y ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
    say "Debian packages present: graphviz ($(dot -V 2>&1 | head -n1)), libxml2-utils, chromium, libreoffice-calc-nogui"
fi

# Python virtual environment.
if [ ! -x "$venv/bin/python" ]; then
    say "creating Python venv at $venv"
    python3 -m venv "$venv" >&2
fi
if "$venv/bin/python" - <<'EOF' 2>/dev/null
import importlib.metadata as md
import networkx, igraph, kuzu, openpyxl  # noqa: F401
major, minor = (int(x) for x in md.version("networkx").split(".")[:2])
assert (major, minor) >= (3, 5), md.version("networkx")
EOF
then
    say "venv $venv has networkx $("$venv/bin/python" -c 'import networkx; print(networkx.__version__)')," \
        "python-igraph $("$venv/bin/python" -c 'import igraph; print(igraph.__version__)')," \
        "kuzu $("$venv/bin/python" -c 'import kuzu; print(kuzu.__version__)')," \
        "openpyxl $("$venv/bin/python" -c 'import openpyxl; print(openpyxl.__version__)')"
else
    say "pip install into $venv: networkx>=3.5 python-igraph kuzu openpyxl"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check 'networkx>=3.5' python-igraph kuzu openpyxl >&2
fi
