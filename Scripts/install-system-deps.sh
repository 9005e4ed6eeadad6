#!/bin/sh
# Installs what Synergraph needs from Debian 12 (bookworm) to build and to draw maps:
#   libgraphviz-dev  Graphviz headers and libraries (libgvc6 with its plugins, cgraph, cdt)
#   libxml2-dev      libxml2 headers: GraphML and GEXF are read with its SAX2 parser
#   fontconfig       font discovery for Graphviz's pango/cairo renderer
#   fonts-noto-core  Noto Sans and its script families: Khmer, Lao, Thai, Mongolian, Ethiopic, ...
#   fonts-noto-cjk   Noto Sans CJK (Hangul, Han, Kana)
#   libxml2-utils    xmllint, used to check SVG, GraphML and GEXF output
#   pkg-config       how SwiftPM finds libgvc and libxml-2.0
#   chromium, chromium-driver, python3
#                    the partner atlas's browser tests (Tests/Browser, run by Scripts/test): a real
#                    Chromium driven over W3C WebDriver by a standard-library Python script
# and makes sure Graphviz's plugin configuration (config6a) exists; without it no layout loads.
#
# Idempotent and quick when everything is there (no apt-get at all). Run as root or with sudo.
set -eu

PACKAGES="libgraphviz-dev libgvc6 libxml2-dev fontconfig fonts-noto-core fonts-noto-cjk libxml2-utils pkg-config chromium chromium-driver python3"
MULTIARCH=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
PLUGIN_DIR="/usr/lib/$MULTIARCH/graphviz"

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

missing=""
for package in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $package"
    fi
done

if [ -n "$missing" ]; then
    echo "Installing:$missing" >&2
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
    $SUDO fc-cache -f >/dev/null 2>&1 || true
else
    echo "System packages already installed." >&2
fi

if [ ! -s "$PLUGIN_DIR/config6a" ]; then
    if command -v dot >/dev/null 2>&1; then
        echo "Writing Graphviz plugin configuration with dot -c"
        $SUDO dot -c
    else
        echo "Graphviz plugin configuration missing; reinstalling libgvc6 (its install script writes it)"
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --reinstall libgvc6
    fi
fi
if [ ! -s "$PLUGIN_DIR/config6a" ]; then
    echo "error: $PLUGIN_DIR/config6a is still missing; Graphviz cannot load its layout plugins" >&2
    exit 1
fi

# The default map font must resolve to Noto Sans (its script fallbacks come with it).
if ! fc-match "Noto Sans" | grep -q "NotoSans"; then
    echo "error: fontconfig does not find Noto Sans" >&2
    exit 1
fi
command -v swift >/dev/null 2>&1 || { echo "error: swift is not on PATH; install Swift 6 (https://www.swift.org/install/linux/)" >&2; exit 1; }
echo "Graphviz and fonts are ready." >&2
