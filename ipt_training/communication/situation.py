"""Whether a rewrite says anything of its moment, or only the words the rewrite rubric looks for.

The rewrite rubric reads how something is said (a feeling, a request, an invitation). One sentence that has all
of them and nothing else, "I feel hurt. I need us to talk. Could we sit down tonight? What do you think?", met
every criterion of every problem utterance of every assessment dialogue (2/2 each). A rewrite of a moment says
something of it: the dinner, the twins' bedtime, a call on Sundays, the Martins. :func:`is_generic` is true for a
rewrite whose every content word is one any rewrite uses (:data:`GENERIC_WORDS`: feelings, needs and requests,
talking and listening, times of day, fillers) or a speaker's name ("Youssef, I feel hurt" addresses the other
person and still says nothing of the moment).
"""

from __future__ import annotations

from ipt_training.communication.transcript import Dialogue
from ipt_training.grading.graders.event_match import content_words

#: Words a rewrite of any conversation uses (as :func:`content_words` folds them).
GENERIC_WORDS: frozenset[str] = content_words(
    "feel feels feeling felt hurt hurts lonely alone sad upset angry anger worried worry scared afraid anxious "
    "nervous frustrated frustration disappointed disappoint tired exhausted overwhelmed stressed stress ignored "
    "unheard heard invisible unimportant important useless lost left out excluded rejected small stupid "
    "embarrassed ashamed guilty happy glad love loved care cares cared caring low down "
    "need needs needed want wants wanted wish like would could can please ask asking asked help helps helped "
    "support supported understand understood listen listened listening talk talks talked talking speak spoke "
    "say said saying tell told telling mean meant know knew think thought sit sat together us really honest "
    "honestly sorry okay ok fine right wrong way something anything everything nothing someone anyone everyone "
    "today tonight now moment minute minutes soon later let go going make made try trying better worse good bad "
    "well still maybe perhaps actually yes yeah agree matter matters happen happened happening problem problems "
    "situation conversation each other hear heard see look lot bit kind sure much many anymore always never "
    "often sometimes didn don won isn wasn aren weren couldn wouldn shouldn doesn haven hasn ll re ve oh hey "
    "anyway instead since again"
)


def is_generic(rewrite: str, dialogue: Dialogue) -> bool:
    """Whether ``rewrite`` has content words and all of them are :data:`GENERIC_WORDS` or the speakers' names."""
    words = content_words(rewrite)
    names: set[str] = set()
    for speaker in dialogue.speakers:
        names |= content_words(speaker.name)
    return bool(words) and not words - GENERIC_WORDS - names
