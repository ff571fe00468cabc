"""The dialogue library: practice transcripts with codes, assessment transcripts whose codes come from keys."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ipt_training.cases.library import find_keys_dir
from ipt_training.communication.transcript import (
    Dialogue,
    DialogueFileError,
    DialogueSet,
    load_dialogue_file,
    load_dialogue_key_file,
)

_KEYS_SUBDIR = "dialogues"


def packaged_dialogues_dir() -> Path:
    """Folder of transcript files installed with the package."""
    return Path(str(resources.files("ipt_training") / "data" / "dialogues"))


@dataclass
class DialogueLibrary:
    """All transcripts, with assessment codes merged in when an instructor key directory is available."""

    dialogues: dict[str, Dialogue] = field(default_factory=dict)
    keys_dir: Path | None = None

    @classmethod
    def load(cls, dialogues_dir: Path | None = None, keys_dir: Path | bool | None = True) -> DialogueLibrary:
        """Load every ``*.yaml`` under ``dialogues_dir``.

        ``keys_dir=True`` discovers ``source/keys`` with :func:`find_keys_dir`; ``False``/``None`` skips keys;
        a path names the keys directory (``.../source/keys``; codes are read from its ``dialogues/`` folder).
        """
        root = dialogues_dir or packaged_dialogues_dir()
        packaged = root == packaged_dialogues_dir()
        dialogues: dict[str, Dialogue] = {}
        for path in sorted(root.rglob("*.yaml")):
            dialogue = load_dialogue_file(path)
            if dialogue.id in dialogues:
                raise DialogueFileError(path, [f"{path}:1: id: duplicate dialogue id {dialogue.id!r}"])
            if packaged and dialogue.set is DialogueSet.ASSESSMENT and dialogue.is_coded:
                raise DialogueFileError(path, [f"{path}:1: utterances: assessment codes must not ship with the "
                                               "package; move them to source/keys/dialogues/"])
            dialogues[dialogue.id] = dialogue
        found = find_keys_dir() if keys_dir is True else (keys_dir or None)
        library = cls(dialogues, found if isinstance(found, Path) else None)
        if library.keys_dir is not None:
            library.merge_keys(library.keys_dir / _KEYS_SUBDIR)
        return library

    def merge_keys(self, folder: Path) -> None:
        """Attach reference codes from instructor key files (``<dialogue id>.yaml``) to their dialogues."""
        if not folder.is_dir():
            return
        for path in sorted(folder.glob("*.yaml")):
            key = load_dialogue_key_file(path)
            dialogue = self.dialogues.get(key.dialogue_id)
            if dialogue is None:
                raise DialogueFileError(path, [f"{path}:1: dialogue_id: no dialogue with id {key.dialogue_id!r}"])
            if problems := key.check_covers(dialogue):
                raise DialogueFileError(path, [f"{path}:1: {p}" for p in problems])
            self.dialogues[key.dialogue_id] = dialogue.with_codes(key.codes)

    def __iter__(self) -> Iterator[Dialogue]:
        return iter(self.dialogues.values())

    def __len__(self) -> int:
        return len(self.dialogues)

    def get(self, dialogue_id: str) -> Dialogue:
        try:
            return self.dialogues[dialogue_id]
        except KeyError:
            raise KeyError(f"no dialogue {dialogue_id!r}; known ids: {', '.join(sorted(self.dialogues))}") from None

    def by_set(self, dialogue_set: DialogueSet) -> list[Dialogue]:
        return [d for d in self if d.set is dialogue_set]


def load_dialogue(dialogue_id: str, keys_dir: Path | bool | None = True) -> Dialogue:
    """One packaged dialogue by id (assessment codes merged in only when keys are available)."""
    return DialogueLibrary.load(keys_dir=keys_dir).get(dialogue_id)
