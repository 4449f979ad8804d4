"""The joined stylesheet and theme script (ici.assets): names for templates, files on disk."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from ici.assets import Asset, AssetError, build_assets

from .state import is_first_build

_cache: dict[tuple[str, ...], tuple[Asset, Asset]] = {}


def _assets(config: MkDocsConfig) -> tuple[Asset, Asset]:
    dirs = tuple(str(Path(d) / "assets") for d in config.theme.dirs)
    if dirs not in _cache:
        try:
            _cache[dirs] = build_assets([Path(d) for d in dirs])
        except AssetError as exc:
            raise PluginError(str(exc)) from None
    return _cache[dirs]


def prepare_env(env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
    """``ici_css`` and ``ici_js``: the joined files' paths below the site root."""
    if is_first_build(config):
        _cache.clear()  # read the files again on each build (``mkdocs serve`` edits)
    css, js = _assets(config)
    env.globals["ici_css"] = css.path
    env.globals["ici_js"] = js.path
    return env


def write(config: MkDocsConfig) -> None:
    """Write the joined files into the site (once, after every language is built)."""
    for asset in _assets(config):
        path = Path(config.site_dir) / asset.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(asset.content)
