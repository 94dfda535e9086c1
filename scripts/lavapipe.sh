#!/usr/bin/env bash
# Mesa's software Vulkan driver (lavapipe) so the webgpu tests run on a machine without a GPU. Dawn refuses
# Debian 12's Mesa 22; Mesa 25 from bookworm-backports works.
#   bash scripts/lavapipe.sh --system   install mesa-vulkan-drivers + libvulkan1 from bookworm-backports (CI: a
#                                       fresh machine; adds the backports source if it is missing)
#   bash scripts/lavapipe.sh            unpack them into ${XDG_CACHE_HOME:-~/.cache}/somlab-lavapipe instead, for
#                                       this user only (a shared machine: a system-wide software adapter would be
#                                       offered to every process there). The webgpu tests find it on their own.
# Prints one line saying what it did; exits non-zero (the tests then skip, saying why) when it cannot.
set -euo pipefail
list=/etc/apt/sources.list.d/bookworm-backports.sources
add_backports() {
  grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/ && return 0
  printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: %s\n' \
    http://deb.debian.org/debian /usr/share/keyrings/debian-archive-keyring.gpg >"$list"
  apt-get update -qq
}
if [ "${1:-}" = --system ]; then
  add_backports
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t bookworm-backports mesa-vulkan-drivers libvulkan1 >/dev/null
  echo "lavapipe: installed $(dpkg-query -W -f='${Version}' mesa-vulkan-drivers) system-wide"
  exit 0
fi
dir=${XDG_CACHE_HOME:-$HOME/.cache}/somlab-lavapipe
if [ -f "$dir/lvp_icd.json" ]; then echo "lavapipe: already unpacked in $dir"; exit 0; fi
add_backports
mkdir -p "$dir/debs"
(cd "$dir/debs" && apt-get download -t bookworm-backports mesa-vulkan-drivers libdrm2 2>/dev/null &&
  apt-get download libvulkan1 2>/dev/null)
for d in "$dir"/debs/*.deb; do dpkg-deb -x "$d" "$dir/root"; done
lib=$dir/root/usr/lib/x86_64-linux-gnu
[ -f "$lib/libvulkan_lvp.so" ] || { echo "lavapipe: libvulkan_lvp.so missing after unpacking" >&2; exit 1; }
printf '{"file_format_version":"1.0.1","ICD":{"library_path":"%s/libvulkan_lvp.so","api_version":"1.3.0"}}\n' "$lib" \
  >"$dir/lvp_icd.json"
echo "lavapipe: unpacked into $dir"
