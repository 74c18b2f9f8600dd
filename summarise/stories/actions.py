"""What an event is, as one key: the stem of its trigger word (or of its action), with a few synonyms joined.

"met", "meets", "meeting" and "summit" are one key; so are "visited", "visit", "trip" and "travel". The stem is
not a dictionary lemma, only a form that the inflections and nominalisations of one verb share (``stem``); an
irregular past is looked up first. ``SYNONYMS`` is short on purpose: words that news uses for one kind of
event; widening it trades precision for recall in event merging (``summarise.stories.events``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import ACT_FORCES, AUXILIARIES, word_set
from ..schema import Event

_IRREGULAR = {
    "met": "meet", "held": "hold", "went": "go", "gone": "go", "took": "take", "taken": "take", "made": "make",
    "gave": "give", "given": "give", "began": "begin", "begun": "begin", "sought": "seek", "fought": "fight",
    "won": "win", "lost": "lose", "left": "leave", "struck": "strike", "shot": "shoot", "led": "lead",
    "fled": "flee", "sold": "sell", "bought": "buy", "brought": "bring", "caught": "catch", "told": "tell",
    "said": "say", "spoke": "speak", "spoken": "speak", "wrote": "write", "written": "write", "ran": "run",
    "came": "come", "became": "become", "saw": "see", "seen": "see", "knew": "know", "known": "know",
    "threw": "throw", "thrown": "throw", "drove": "drive", "driven": "drive", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "found": "find", "stood": "stand", "sent": "send", "spent": "spend",
    "built": "build", "paid": "pay", "laid": "lay", "felt": "feel", "kept": "keep", "stole": "steal",
    "stolen": "steal", "broke": "break", "broken": "break", "chose": "choose", "chosen": "choose",
    "hid": "hide", "hidden": "hide", "shook": "shake", "withdrew": "withdraw", "withdrawn": "withdraw",
    "overthrew": "overthrow", "swore": "swear", "sworn": "swear", "bore": "bear", "born": "bear",
    "dealt": "deal", "meant": "mean", "arose": "arise", "forgave": "forgive", "beat": "beat", "beaten": "beat",
    "hit": "hit", "hurt": "hurt", "quit": "quit", "set": "set", "put": "put", "cut": "cut", "shut": "shut",
    "let": "let", "bet": "bet", "split": "split", "spread": "spread", "slain": "slay", "slew": "slay",
    "woke": "wake", "wore": "wear", "tore": "tear", "froze": "freeze", "undertook": "undertake",
    "death": "die", "dead": "die", "died": "die", "dies": "die", "dying": "die", "sale": "sell",
    "acquisition": "acquire", "arrival": "arrive", "departure": "depart", "trial": "try", "tried": "try",
    "loss": "lose", "win": "win", "victory": "win", "birth": "bear", "marriage": "marry", "married": "marry",
    "flight": "fly", "flew": "fly", "flown": "fly", "threat": "threaten", "choice": "choose",
    "proposal": "propose", "approval": "approve", "refusal": "refuse", "denial": "deny", "denied": "deny",
    "removal": "remove", "dismissal": "dismiss", "withdrawal": "withdraw", "burial": "bury", "release": "release",
    "hung": "hang", "going": "go", "shown": "show", "sped": "speed", "fed": "feed", "lit": "light", "dug": "dig",
    "stuck": "stick", "swept": "sweep", "slid": "slide", "bent": "bend", "lent": "lend", "sank": "sink",
    "sunk": "sink", "sang": "sing", "sung": "sing", "rang": "ring", "rung": "ring", "drew": "draw", "drawn": "draw",
    "grew": "grow", "grown": "grow", "blew": "blow", "blown": "blow", "ate": "eat", "eaten": "eat", "got": "get",
    "gotten": "get", "forgot": "forget", "forgotten": "forget", "sprang": "spring", "sprung": "spring",
    "swam": "swim", "swum": "swim", "sat": "sit", "spat": "spit",
}  # fmt: skip

_GROUPS = (
    "meet summit talk",
    "visit trip travel tour journey",
    "kill murder slay",
    "die death",
    "buy purchase acquire acquisition takeover",
    "arrest detain apprehend",
    "quake earthquake tremor",
    "win victory triumph",
    "attack assault raid",
    "bomb bombing blast explosion explode",
    "announce unveil introduce",
    "injure wound hurt",
    "resign quit",
    "hire appoint",
    "sentence jail imprison",
    "dismiss sack oust",
)
"""Words news uses for one kind of event, the first naming the group; written without looking at any corpus's
links (a group tuned to a dev set would not carry to the held-out part)."""


_CAUSES = ("kill die",)
"""A verb and the event it causes, whose subject undergoes it (the lexical causative: "a bullet killed Kathina
Thomas", so Kathina Thomas died; "her death"): the causing verb's targets are the caused verb's subject. Written
from the verbs, not from a corpus's links; ``events.join_caused`` joins their events."""


def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _GROUPS:
        words = group.split()
        for w in words:
            table[stem(w)] = stem(words[0])
    return table


_SKIP = AUXILIARIES | word_set(
    """to being must can not no never also just already reportedly allegedly expected first further imminent new
    planned possible"""
)
_WORD = re.compile(r"[a-z]+")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ies", "ied", "ed", "es", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A key the inflections and nominalisations of one verb share: meeting, meets, met -> meet; agreement,
    agreed, agree -> agre; visited, visiting -> visit."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w].removesuffix("e")
    cut = ""
    for suffix in _SUFFIXES:
        if suffix == "s" and w.endswith(("ss", "us", "is")):
            continue  # dismiss, status, crisis: no plural to take off
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w, cut = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else ""), suffix
            if suffix in ("ing", "ed") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # stopped -> stop, planned -> plan (but called, stressed keep theirs)
            break
    # One final e goes (make, making -> mak), except where "ed"/"es" took the e already (agreed -> agre).
    return w if cut in ("ed", "es") else w.removesuffix("e")


def _head(words: list[str]) -> str | None:
    """The word naming the event in a trigger or an action: the first that is not an auxiliary, a modal or an
    adjective of status ("could travel" is travel, "imminent meeting" is meeting, "took over" is took)."""
    return next((w for w in words if w not in _SKIP), None)


SYNONYMS = _synonyms()
"""Stem -> the stem of the key it counts as (from ``_GROUPS``)."""


def _key(word: str) -> str:
    key = stem(word)
    return SYNONYMS.get(key, key)


CAUSED = {_key(cause): _key(caused) for cause, caused in (pair.split() for pair in _CAUSES)}
"""The key of a causing event -> the key of the event it causes (``_CAUSES``)."""


def action_key(event: Event) -> str:
    """The event's key: its trigger's head word's stem (else its action's), with ``SYNONYMS`` applied. A trigger of
    several words ends with the one naming what the event is ("began supplying", "made its maiden flight": a
    supply, a flight; ``extract.events``), so its head is read from the end."""
    trigger = _WORD.findall(event.trigger.text.lower()) if event.trigger else []
    head = _head(trigger[::-1]) or _head(_WORD.findall(event.action.lower()))
    return _key(head) if head is not None else ""


FORCE = {_key(verb): n for n, group in enumerate(ACT_FORCES) for verb in group.split()}
"""The key of an act of saying -> its force (``lexicon.ACT_FORCES``): ``events.join_said`` joins one doer's acts
of one force about one happening told in other words (a force of one verb, "deny", joins none)."""
SAYING_KEYS = frozenset(FORCE)
"""The keys of acts of saying that are events (``lexicon.ACT_CUES``, the union of the forces: announced,
confirmed, denied …): many parties announce in one story, so two reports of one are one act only when one doer
made it."""
