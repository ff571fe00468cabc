"""Load case files from YAML, reporting errors with file, field and line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from ipt_training.cases.errors import translate
from ipt_training.cases.model import Case, Person, ReferenceFormulation, SampleAnswer, TimelineEvent

if TYPE_CHECKING:
    _SafeLoader = yaml.SafeLoader
else:
    _SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when installed


class CaseYamlLoader(_SafeLoader):
    """Safe YAML loading that keeps dates as text, so an impossible date is a validation error, not a crash."""


CaseYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class CaseFileError(ValueError):
    """A case or key file that cannot be loaded; ``problems`` lists each ``file:line: field: message``."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(problems))


def _node_at(node: yaml.Node | None, loc: tuple[Any, ...]) -> yaml.Node | None:
    """Walk a composed YAML node tree along a pydantic error location; stop at the deepest node found."""
    current = node
    for key in loc:
        if isinstance(current, yaml.MappingNode):
            child = next((v for k, v in current.value if getattr(k, "value", None) == key), None)
        elif isinstance(current, yaml.SequenceNode) and isinstance(key, int) and key < len(current.value):
            child = current.value[key]
        else:
            child = None
        if child is None:
            break
        current = child
    return current


def _parse(text: str) -> tuple[Any, yaml.Node | None]:
    """The data and its node tree (for line numbers), from one pass of the parser."""
    loader = CaseYamlLoader(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def _read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CaseFileError(path, [f"{path}: not UTF-8 text ({exc.reason})"]) from None
    except OSError as exc:
        raise CaseFileError(path, [f"{path}: cannot read file ({exc.strerror})"]) from None
    try:
        return _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CaseFileError(path, [f"{path}{line}: invalid YAML: {problem}{yaml_hint(problem)}"]) from None


#: Fixes for the YAML mistakes people make most, keyed by a fragment of the parser's message.
_YAML_HINTS = {
    "'\\t'": "indent with spaces, not tabs",
    "tab character": "indent with spaces, not tabs",
    "did not find expected key": "check the indentation: entries of one block start in the same column",
    "mapping values are not allowed": "a value contains ': '; put the whole value in double quotes",
    "could not find expected ':'": "a line is missing its 'field:' or a quote is not closed",
    "expected <block end>": "check the indentation: items of one list or block start in the same column",
    "found unexpected end of stream": "a quote or bracket is not closed",
    "found undefined alias": "a value starts with '*'; put it in quotes",
    "expected ',' or ']'": "a [list] is not closed, or an item contains a comma or ':'; quote the item",
    "expected ',' or '}'": "a {mapping} is not closed, or a value contains a comma; quote the value",
}


def yaml_hint(problem: str) -> str:
    """A fix for a common YAML mistake, to follow the parser's own message."""
    hint = next((fix for fragment, fix in _YAML_HINTS.items() if fragment in problem), "")
    return f" ({hint})" if hint else ""


def _validate(path: Path, model: type[Any], data: Any, root: yaml.Node | None,
              prefix: tuple[Any, ...] = ()) -> Any:
    if not isinstance(data, dict):
        where = ".".join(str(p) for p in prefix) or "the file"
        raise CaseFileError(path, [f"{path}:1: {where}: expected 'field: value' lines (a YAML mapping)"])
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        located = []
        for error in exc.errors():
            for loc, message in translate(model, error):
                node = _node_at(root, loc)
                line = node.start_mark.line + 1 if node is not None else 1
                field = _field_path(prefix + loc) or "(top level)"
                located.append((line, f"{path}:{line}: {field}: {message}"))
        raise CaseFileError(path, [text for _, text in sorted(located, key=lambda item: item[0])]) from None


def _field_path(loc: tuple[Any, ...]) -> str:
    """``key_evidence[1].cues[0]`` style path (list positions count from 0, as in YAML tools)."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_case_file(path: Path) -> Case:
    """Load and validate one case file."""
    data, root = _read_yaml(path)
    return _validate(path, Case, data, root)


def load_reference_file(path: Path) -> tuple[str, ReferenceFormulation]:
    """Load an instructor key file: ``{case_id: ..., reference: {...}}``."""
    case_id, reference, _ = load_key_file(path)
    return case_id, reference


_KEY_EXTRAS: dict[str, Any] = {"timeline": TimelineEvent, "inventory": Person, "samples": SampleAnswer}


def load_key_file(path: Path) -> tuple[str, ReferenceFormulation, dict[str, list[Any]]]:
    """Load an instructor key file: ``case_id``, ``reference``, optional instructor-only ``timeline``, ``inventory``,
    ``samples`` and ``traps`` (the trap tags name the answer, so assessment cases keep them here, not in package
    data)."""
    data, root = _read_yaml(path)
    if not isinstance(data, dict) or "case_id" not in data or "reference" not in data:
        raise CaseFileError(path, [f"{path}:1: a key file needs 'case_id' and 'reference' fields"])
    unknown = sorted(set(data) - {"case_id", "reference", "traps", *_KEY_EXTRAS})
    if unknown:
        raise CaseFileError(path, [f"{path}:1: {', '.join(unknown)}: not a key-file field; a key file holds "
                                   f"case_id, reference and optionally {', '.join(_KEY_EXTRAS)}, traps"])
    reference_node = _node_at(root, ("reference",))
    reference = _validate(path, ReferenceFormulation, data["reference"], reference_node, ("reference",))
    extra: dict[str, list[Any]] = {}
    for field, model in _KEY_EXTRAS.items():
        if field in data:
            items = data[field] if isinstance(data[field], list) else []
            extra[field] = [_validate(path, model, item, _node_at(root, (field, i)), (field, i))
                            for i, item in enumerate(items)]
    if "traps" in data:
        traps = data["traps"]
        if not isinstance(traps, list) or not all(isinstance(t, str) for t in traps):
            raise CaseFileError(path, [f"{path}:1: traps: expected a list of trap tags"])
        extra["traps"] = list(traps)
    return str(data["case_id"]), reference, extra
