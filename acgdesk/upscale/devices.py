"""Which device Real-CUGAN runs on: a real Vulkan GPU when one works, the CPU otherwise.

ncnn numbers Vulkan devices in the order the loader lists them, and counts software rasterisers
too: Mesa's llvmpipe is a "GPU" to Vulkan but runs Real-CUGAN about 40x slower than ncnn's own CPU
path. So the physical devices are asked for their type through the Vulkan loader (ctypes, no extra
dependency) and only integrated, discrete or virtual GPUs are picked automatically.
"""

from __future__ import annotations

import ctypes
import logging
from dataclasses import asdict, dataclass
from typing import Any

log = logging.getLogger(__name__)

# VkPhysicalDeviceType
_TYPES = {0: "other", 1: "integrated-gpu", 2: "discrete-gpu", 3: "virtual-gpu", 4: "cpu"}
_HARDWARE = {"integrated-gpu", "discrete-gpu", "virtual-gpu"}
_PREFERENCE = {"discrete-gpu": 0, "integrated-gpu": 1, "virtual-gpu": 2}


@dataclass(frozen=True)
class VulkanDevice:
    index: int  # ncnn's gpuid
    name: str
    kind: str  # one of _TYPES' values

    @property
    def is_hardware(self) -> bool:
        return self.kind in _HARDWARE


@dataclass(frozen=True)
class DeviceChoice:
    """Where an upscale runs and why; ``gpuid`` is -1 for the CPU."""

    gpuid: int
    label: str
    reason: str

    @property
    def is_gpu(self) -> bool:
        return self.gpuid >= 0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "is_gpu": self.is_gpu}


class _AppInfo(ctypes.Structure):
    _fields_ = [
        ("sType", ctypes.c_int),
        ("pNext", ctypes.c_void_p),
        ("pApplicationName", ctypes.c_char_p),
        ("applicationVersion", ctypes.c_uint32),
        ("pEngineName", ctypes.c_char_p),
        ("engineVersion", ctypes.c_uint32),
        ("apiVersion", ctypes.c_uint32),
    ]


class _InstanceInfo(ctypes.Structure):
    _fields_ = [
        ("sType", ctypes.c_int),
        ("pNext", ctypes.c_void_p),
        ("flags", ctypes.c_uint32),
        ("pApplicationInfo", ctypes.POINTER(_AppInfo)),
        ("enabledLayerCount", ctypes.c_uint32),
        ("ppEnabledLayerNames", ctypes.c_void_p),
        ("enabledExtensionCount", ctypes.c_uint32),
        ("ppEnabledExtensionNames", ctypes.c_void_p),
    ]


def vulkan_devices(loader: str = "libvulkan.so.1") -> list[VulkanDevice]:
    """Physical devices the Vulkan loader reports (empty without a loader or a driver)."""
    try:
        vk = ctypes.CDLL(loader)
    except OSError:
        return []
    app = _AppInfo(0, None, b"acgdesk", 1, b"acgdesk", 1, (1 << 22))  # VK_API_VERSION_1_0
    info = _InstanceInfo(1, None, 0, ctypes.pointer(app), 0, None, 0, None)
    instance = ctypes.c_void_p()
    vk.vkCreateInstance.argtypes = [ctypes.POINTER(_InstanceInfo), ctypes.c_void_p, ctypes.c_void_p]
    if vk.vkCreateInstance(ctypes.byref(info), None, ctypes.byref(instance)) != 0:
        return []
    try:
        count = ctypes.c_uint32(0)
        vk.vkEnumeratePhysicalDevices.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
        vk.vkEnumeratePhysicalDevices(instance, ctypes.byref(count), None)
        handles = (ctypes.c_void_p * count.value)()
        vk.vkEnumeratePhysicalDevices(instance, ctypes.byref(count), handles)
        vk.vkGetPhysicalDeviceProperties.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        devices = []
        for i in range(count.value):
            # VkPhysicalDeviceProperties: 4 uint32 (api, driver, vendor, device), deviceType (int32),
            # deviceName[256], then limits; 4 KiB holds the whole struct with room to spare.
            buf = ctypes.create_string_buffer(4096)
            vk.vkGetPhysicalDeviceProperties(handles[i], buf)
            kind = int.from_bytes(buf.raw[16:20], "little")
            name = buf.raw[20:276].split(b"\0", 1)[0].decode("utf-8", "replace")
            devices.append(VulkanDevice(i, name, _TYPES.get(kind, "other")))
        return devices
    finally:
        vk.vkDestroyInstance.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        vk.vkDestroyInstance(instance, None)


def choose_device(requested: str = "auto", devices: list[VulkanDevice] | None = None) -> DeviceChoice:
    """Resolve ``auto``, ``cpu``, ``gpu`` or ``gpu:N`` (also ``vulkan[:N]``) to a :class:`DeviceChoice`.

    ``auto`` takes the best hardware GPU and falls back to the CPU, saying why; an explicit GPU
    that does not exist is an error (:class:`ValueError`), and an explicit software device is
    allowed but the reason warns about its speed.
    """
    req = requested.strip().lower()
    if req == "cpu":
        return DeviceChoice(-1, "cpu", "requested")
    if devices is None:
        devices = vulkan_devices()
    if req == "auto":
        hardware = [d for d in devices if d.is_hardware]
        if hardware:
            best = min(hardware, key=lambda d: (_PREFERENCE[d.kind], d.index))
            return DeviceChoice(best.index, f"vulkan:{best.index} {best.name}", f"{best.kind} found")
        if devices:
            names = ", ".join(f"{d.name} ({d.kind})" for d in devices)
            return DeviceChoice(-1, "cpu", f"no hardware Vulkan GPU; skipped software device(s): {names}")
        return DeviceChoice(-1, "cpu", "no Vulkan GPU found")
    kind, _, index = req.partition(":")
    if kind not in ("gpu", "vulkan") or (index and not index.isdigit()):
        raise ValueError(f"unknown device {requested!r}: use auto, cpu, gpu or gpu:N")
    if not devices:
        raise ValueError(f"device {requested!r} requested but no Vulkan GPU was found")
    if index:
        found = [d for d in devices if d.index == int(index)]
        if not found:
            raise ValueError(f"no Vulkan device {index}: found {', '.join(str(d.index) for d in devices)}")
        dev = found[0]
    else:
        hardware = [d for d in devices if d.is_hardware]
        dev = min(hardware, key=lambda d: (_PREFERENCE[d.kind], d.index)) if hardware else devices[0]
    reason = "requested" if dev.is_hardware else f"requested, but {dev.kind} is a software device (slow)"
    return DeviceChoice(dev.index, f"vulkan:{dev.index} {dev.name}", reason)
