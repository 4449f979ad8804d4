"""The site's own settings in mkdocs.yml (``extra:``), checked as the build reads them.

The page sizes of the register's and the events' and courses' listings (``extra:
ici_register``, ``ici_events``, ``ici_courses``) stop the build when they are wrong; ``make
check`` reports the same with the line of the setting.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path as FsPath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node

from .languages import CONFIG_FILE, ConfigLoader
from .paging import Paging
from .problems import Problem
from .timed_pages import CONFIG_KEYS, DEFAULT_PAGING
from .yamlshare import shared_result

# each setting and how the build reads it (a ValueError says what is wrong)
READERS: dict[str, Callable[[Any], Paging]] = {
    "ici_register": lambda extra: Paging.from_extra(extra),
    **{
        key: (lambda extra, key=key: Paging.from_extra(extra, key, DEFAULT_PAGING))
        for key in CONFIG_KEYS.values()
    },
}


def _line(node: Node | None, *keys: str) -> int:
    """The line of the deepest of ``keys`` (a path of mapping keys) that ``node`` holds."""
    line = 1
    for key in keys:
        if not isinstance(node, MappingNode):
            break
        found = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), None)
        if found is None:
            break
        line, node = found[0].start_mark.line + 1, found[1]
    return line


def config_problems(root: FsPath) -> list[Problem]:
    """Every ``extra:`` setting of ``root/mkdocs.yml`` the build would stop on."""
    path = root / CONFIG_FILE
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    # read once per check, and once for every unchanged copy the hostile-data tests check
    return list(shared_result(("config_problems", text), lambda: _problems(text)))


def _problems(text: str) -> list[Problem]:
    try:
        node = yaml.compose(text, Loader=ConfigLoader)
        config = yaml.load(text, Loader=ConfigLoader)
    except yaml.YAMLError:
        return []  # MkDocs itself says where mkdocs.yml cannot be read
    extra = config.get("extra") if isinstance(config, dict) else None
    problems = []
    for key, read in READERS.items():
        try:
            read(extra if isinstance(extra, dict) else {})
        except ValueError as exc:
            message = str(exc).removeprefix(f"extra.{key}: ")
            line = _line(node, "extra", key)
            problems.append(Problem(CONFIG_FILE, line, f"extra.{key}", message, "config.paging"))
    return problems
