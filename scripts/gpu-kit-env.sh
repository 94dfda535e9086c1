# Sourced on the GPU machine (bench.sh does it): the kit's node and libraries first on the paths, and, where the
# NVIDIA driver is installed, a Vulkan ICD naming libEGL_nvidia: headless, the default ICD (libGLX_nvidia)
# finds no display and Dawn sees no adapter (the same fallback src/engine/backend/webgpu.ts applies itself).
kit=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" && pwd)
export PATH="$kit/bin:$PATH"
export LD_LIBRARY_PATH="$kit/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
egl=$(ldconfig -p 2>/dev/null | awk '$1 == "libEGL_nvidia.so.0" { print $NF; exit }')
if [ -n "$egl" ] && [ -z "${VK_DRIVER_FILES:-}" ]; then
  icd="$kit/nvidia_egl_icd.json"
  api=$(grep -ho '"api_version"[^,}]*' /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json \
    2>/dev/null | head -1)
  printf '{"file_format_version":"1.0.1","ICD":{"library_path":"%s",%s}}\n' "$egl" "${api:-\"api_version\":\"1.3.0\"}" \
    >"$icd"
  export VK_DRIVER_FILES="$icd" VK_ICD_FILENAMES="$icd"
fi
