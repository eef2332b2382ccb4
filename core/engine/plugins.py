"""The plugin host: built in a factory, one entry point at a time, a broken plugin named and set aside.

Built-in debt types and third-party plugins are found the same way, through
the ``arrears`` entry-point group. ``ARREARS_DISABLE_PLUGINS=a,b`` blocks
plugins by entry-point name; ``ARREARS_TRACE_PLUGINS=1`` prints every hook call
on stderr.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import importlib.metadata
from importlib.metadata import entry_points

import pluggy

from . import defaults
from .. import hookspecs
from ..context import Context
from ..debt_types import DebtType, DebtTypeRegistry
from ..statutory.enforcement import check_agent_parameters
from ..errors import PluginError

__all__ = ["PluginInfo", "PluginHost", "build_plugin_host", "ENTRY_POINT_GROUP"]

ENTRY_POINT_GROUP = "arrears"
CORE_DIST = "arrears"


@dataclass
class PluginInfo:
    """What ``arrears plugins`` reports of one plugin."""

    name: str
    distribution: str | None
    version: str | None
    builtin: bool
    hooks: list[str] = field(default_factory=list)
    debt_types: list[str] = field(default_factory=list)
    error: str | None = None
    disabled: bool = False

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "distribution": self.distribution,
            "version": self.version,
            "builtin": self.builtin,
            "hooks": self.hooks,
            "debt_types": self.debt_types,
            "error": self.error,
            "disabled": self.disabled,
        }


class PluginHost:
    """The loaded plugins, their debt types, and typed access to the hooks."""

    def __init__(self, pm: pluggy.PluginManager, plugins: list[PluginInfo], debt_types: Mapping[str, DebtType]):
        self.pm = pm
        self.plugins = plugins
        self.debt_types = debt_types

    @property
    def hook(self):
        return self.pm.hook

    @property
    def failures(self) -> list[PluginInfo]:
        return [p for p in self.plugins if p.error]

    def debt_type(self, debt_type_id: str) -> DebtType:
        try:
            return self.debt_types[debt_type_id]
        except KeyError:
            raise PluginError(
                f"unknown debt type {debt_type_id!r} (installed: {', '.join(sorted(self.debt_types)) or 'none'})"
            ) from None


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _blocked_from_env() -> set[str]:
    raw = os.environ.get("ARREARS_DISABLE_PLUGINS", "")
    return {name.strip() for name in raw.split(",") if name.strip()}


def build_plugin_host(
    *,
    load_entry_points: bool = True,
    blocked: Iterable[str] | None = None,
    extra_plugins: Iterable[tuple[str, object]] = (),
) -> PluginHost:
    """Build a plugin host.

    :param load_entry_points: load the ``arrears`` entry-point group (tests pass False
        and give their own plugins).
    :param blocked: entry-point names not to load; defaults to ``ARREARS_DISABLE_PLUGINS``.
    :param extra_plugins: ``(name, plugin)`` pairs registered after the entry points.
    """
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    pm.register(defaults, name="arrears.engine.defaults")
    if os.environ.get("ARREARS_TRACE_PLUGINS"):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    blocked_names = set(_blocked_from_env() if blocked is None else blocked)
    infos: dict[str, PluginInfo] = {}

    if load_entry_points:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            dist = ep.dist.name if ep.dist else None
            version = ep.dist.version if ep.dist else None
            info = PluginInfo(ep.name, dist, version, builtin=(dist == CORE_DIST))
            infos[ep.name] = info
            if ep.name in blocked_names:
                info.disabled = True
                pm.set_blocked(ep.name)
                continue
            try:
                _register(pm, ep.load(), ep.name, info)
            except Exception as exc:  # a plugin's import can raise anything
                info.error = _describe(exc)
    for name, plugin in extra_plugins:
        infos[name] = PluginInfo(name, None, None, builtin=False)
        if name in blocked_names:
            infos[name].disabled = True
            continue
        try:
            _register(pm, plugin, name, infos[name])
        except Exception as exc:
            infos[name].error = _describe(exc)

    _drop_unknown_hooks(pm, infos)
    debt_types = _collect_debt_types(pm, infos)
    _refuse_without_billing(pm, infos, debt_types)
    for name, info in infos.items():
        plugin = pm.get_plugin(name)
        if plugin is not None and not info.error:
            info.hooks = sorted({caller.name for caller in pm.get_hookcallers(plugin) or ()})
    return PluginHost(pm, list(infos.values()), debt_types)


def _register(pm: pluggy.PluginManager, plugin: object, name: str, info: PluginInfo) -> None:
    """Register ``plugin`` unless it needs a newer plugin contract than this arrears gives (``ARREARS_HOOK_API``)."""
    needed = getattr(plugin, "ARREARS_HOOK_API", 1)
    if not isinstance(needed, int) or needed > hookspecs.HOOK_API:
        info.error = (f"plugin {name!r} needs the arrears plugin contract (hook API) {needed}; this arrears "
                      f"{_version()} gives {hookspecs.HOOK_API}: upgrade arrears to use it")
        return
    pm.register(plugin, name=name)


def _version() -> str:
    try:
        return importlib.metadata.version(CORE_DIST)
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - an unbuilt tree
        return "(unknown version)"


def _refuse_without_billing(pm: pluggy.PluginManager, infos: dict[str, PluginInfo], debt_types: dict[str, DebtType]) -> None:
    """A debt type nothing bills would never be charged: its plugin is refused, naming it.

    Billing is the debt type's ``rules.bill``, or a plugin's ``bill_accounts`` answer for it (asked with no cases;
    an implementation that answers, or fails on the empty question, is taken to bill it).
    """
    for dt_id, debt_type in list(debt_types.items()):
        if debt_type.rules.bills:
            continue
        probe = Context("", debt_type, None, None, date.min, None, "")  # type: ignore[arg-type]
        try:
            answered = pm.hook.bill_accounts(context=probe, cases=[]) is not None
        except Exception:
            answered = True
        if answered:
            continue
        del debt_types[dt_id]
        name = debt_type.plugin
        info = infos.setdefault(name, PluginInfo(name, None, None, builtin=False))
        info.error = (f"PluginError: plugin {name!r}, debt type {dt_id!r}: nothing bills it, so its accounts would "
                      "never be charged; give its rules a bill(case, context), or answer bill_accounts for it")
        info.debt_types = [d for d in info.debt_types if d != dt_id]
        if pm.get_plugin(name) is not None:
            pm.unregister(name=name)


def _drop_unknown_hooks(pm: pluggy.PluginManager, infos: dict[str, PluginInfo]) -> None:
    """``check_pending`` until clean, unregistering each plugin that implements a hook that does not exist."""
    while True:
        try:
            pm.check_pending()
            return
        except pluggy.PluginValidationError as exc:
            name = pm.get_name(exc.plugin) or repr(exc.plugin)
            pm.unregister(exc.plugin)
            info = infos.setdefault(name, PluginInfo(name, None, None, builtin=False))
            info.error = f"PluginValidationError: {exc}"


def _collect_debt_types(pm: pluggy.PluginManager, infos: dict[str, PluginInfo]) -> dict[str, DebtType]:
    """Call each plugin's ``register_debt_types`` on its own, so one bad registration spoils only its plugin."""
    registry = DebtTypeRegistry(checks=(check_agent_parameters,))
    for impl in pm.hook.register_debt_types.get_hookimpls():
        name = impl.plugin_name
        info = infos.get(name)
        before = dict(registry.debt_types)
        registry.current_plugin = name
        registry.current_version = (info.version if info else None) or "0"
        try:
            impl.function(register=registry)
        except Exception as exc:
            registry.debt_types = before
            pm.unregister(name=name)
            if info is None:
                info = infos.setdefault(name, PluginInfo(name, None, None, builtin=False))
            info.error = _describe(exc)
            continue
        if info is not None:
            info.debt_types = sorted(set(registry.debt_types) - set(before))
    return registry.debt_types
