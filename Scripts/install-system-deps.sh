#!/usr/bin/env bash
# Installs the system packages Synergraph needs on Debian/Ubuntu, only what is missing:
#   libgraphviz-dev   Graphviz's C library and headers (libgvc, libcgraph), with its layout plugins
#   fonts-noto-core   Noto fonts for Khmer, Lao, Thai, Mongolian, Ethiopic and Latin labels
#   fonts-noto-cjk    Noto CJK fonts for Korean (Hangul) labels
#   fontconfig        font lookup for Graphviz's text layout
#   libxml2-utils     xmllint, which the tests use to validate GraphML/GEXF output
#   pkg-config        how SwiftPM finds libgvc
# Safe to run repeatedly; it does nothing when everything is present.
set -euo pipefail

packages=(libgraphviz-dev fonts-noto-core fonts-noto-cjk fontconfig libxml2-utils pkg-config)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing system packages: ${missing[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo); else
    echo "error: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Graphviz finds its layout plugins only through its config file, written by libgvc6's install script.
plugins=$(pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz
if ! ls "$plugins"/config6* >/dev/null 2>&1; then
  echo "==> Registering Graphviz plugins" >&2
  if command -v dot >/dev/null; then dot -c; else
    echo "warning: $plugins has no config6 file and the graphviz program is not installed to write it;" >&2
    echo "         reinstall libgvc6 (apt-get install --reinstall libgvc6) if maps fail to lay out." >&2
  fi
fi
command -v swift >/dev/null || { echo "error: swift is not on PATH; install Swift 6 (https://www.swift.org/install/linux/)" >&2; exit 1; }
