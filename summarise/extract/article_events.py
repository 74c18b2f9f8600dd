"""Every event candidate of an article: each sentence's verbs, event nouns and act nouns (``events``,
``event_nouns``), pronoun actors resolved to the names met before them ("they" also to a group a plural noun
names or to all of names joined as a subject, "he"/"she" to no one the article tells is of the other sex, "both"
to the two parties named last, a pronoun in a quotation only to a name said in it), and the headline's words
told again (``headlines.retell``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from ..ingest import Document
from ..ingest.index import LastBefore, QuotationResume
from ..lexicon import PERSON_PRONOUNS, PERSON_ROLES, PLURAL_PRONOUNS, THING_PRONOUNS, quoted_stretches, word_set
from .attribution import Antecedents, Attribution, Name, ParsedArticle, speaker_names
from .event_nouns import THEME_NOUNS, nominal_events, recall_keys, supported
from .events import (
    PAIRS,
    PERSON_ACTS,
    PLACE_LABELS,
    PLACE_ONLY_PREPS,
    RECIPROCAL,
    THE_TWO,
    Ents,
    EventCandidate,
    _noun_events,
    _speaker,
    _times,
    _verb_events,
    groups_told,
    heading,
    several,
)
from .headlines import headline_events, retell
from .sides import speaker_sides

MY = word_set("my")
"""The speaker's own, in a quotation (``_speakers_own``)."""
ANTECEDENT_SETTING_PREPS = PLACE_ONLY_PREPS | word_set("to via through across throughout")
"""Prepositions of place and of a route ("flying to Chicago via New York"): a place name after one only says where,
so no later pronoun stands for it (``_settings``). Not ``events.TARGET_SETTING_PREPS`` nor
``attribution.CIRCUMSTANCE_ENT_PREPS``: each list was read on its own rule's changes, and one list for all three
would change what they find."""
BEFALLING = PERSON_ACTS | THEME_NOUNS | word_set("death")
"""Act nouns of what befalls their owner rather than what it does ("seeing his brother plunge to his death", "after
her arrest", "to minimize his losses"): news of the one the pronoun names, not a speaker's talk of an act of
their own (``_speakers_bare_act``)."""


def sentence_events(
    number: int,
    start: int,
    parsed: Any,
    quotes: Sequence[tuple[int, int]],
    claimed: Collection[int],
    statements: Sequence[tuple[int, int, str]] = (),
    earlier: Mapping[str, EventCandidate] | None = None,
    sides: Mapping[str, str] | None = None,
) -> list[EventCandidate]:
    """Event candidates in one parsed sentence (offsets in ``parsed`` are relative to ``start``; ``claimed``: where
    the saying verbs that carry a claim stand, in the article; ``statements``: where each claim's statement
    stands, with its source; ``sides``: the party each source speaks for, ``sides.speaker_sides``)."""
    if heading(parsed.text):
        return []
    ents: Ents = {t.i: e for e in parsed.ents for t in e}
    times = _times(parsed.text)
    verbs = _verb_events(number, start, parsed, ents, quotes, times, claimed, statements, sides=sides)
    nouns = _noun_events(number, start, parsed, ents, times)
    # a noun whose doer is only a pronoun is read again by event_nouns, which may find the name it stands for
    # in its own clause ("after its launch, Apple's iTunes passed Wal-Mart": Apple's)
    taken = {e.trigger for e in verbs} | {e.trigger for e in nouns if e.pronoun is None}
    own = nominal_events(number, start, parsed, ents, times, taken, earlier)
    told = {e.trigger for e in own}
    verbs = supported(verbs, start, parsed, told)  # "posted a loss": the trigger names both words
    return verbs + _speakers_own([e for e in nouns if e.trigger not in told] + own, quotes, statements)


def _speakers_own(
    found: Sequence[EventCandidate], quotes: Sequence[tuple[int, int]], statements: Sequence[tuple[int, int, str]]
) -> list[EventCandidate]:
    """A noun owned by "my" in a quotation is its speaker's act ("“I have taken responsibility for my decision,”
    Clinton said": Clinton's), as the verb with "I" is (``events._verb_events``): the resolver's nearest name
    before the pronoun is whoever the article named last, often another."""
    out = []
    for e in found:
        speaker = _speaker(e.pronoun_at, quotes, statements) if e.pronoun and e.pronoun.lower() in MY else None
        out.append(replace(e, actor=speaker, pronoun=None, pronoun_start=None) if speaker else e)
    return out


def resolve(
    found: Sequence[EventCandidate],
    names: Sequence[Name],
    fronted: Mapping[int, int] | None = None,
    persons: Collection[int] = frozenset(),
    subjects: Mapping[int, tuple[int, int]] | None = None,
    described: Sequence[Name] = (),
    told: Mapping[str, str] | None = None,
    quoted: Sequence[tuple[int, int]] = (),
    joined: Sequence[tuple[int, tuple[str, ...]]] = (),
    people: Collection[int] = frozenset(),
) -> list[EventCandidate]:
    """Pronoun actors to their antecedent (``attribution.Antecedents``); one that has none is dropped (an event
    by nobody known tells nothing). A pronoun's clause may open with a phrase put before it (``fronted``: where
    the pronoun stands -> where that phrase begins, ``fronted_phrases``): its antecedent is named before that
    phrase ("In addition to the iPod Classic, Nano and Shuffle, they have announced": not Nano). A plural
    pronoun stands for no one person: "they" is a company, a group or several people, so it passes over the
    names that name one person alone (``persons``: where they stand, ``lone_persons``): "Apple unveiled Lion …
    They also demonstrated" is Apple's, though the parser took Lion for a person; and over the names a
    subject it could stand for acts on (also in ``persons``, ``objects_of_groups``). A pronoun of an embedded clause
    is first sought at the subject of the clause above (``subjects``, ``embedded_subjects``). A plural pronoun
    may also stand for a group the article ``described`` by a plural noun (``described_groups``), the nearer;
    "he" and "she" for no one the article ``told`` is of the other sex (``sexes``). A pronoun inside a quotation
    (``quoted``: where each stands) stands for a name its speaker said in that quotation, or for no one: the
    speaker's "it" or "they" is not the last name the narrator wrote before the quotation ("“They're trying to
    slap us in the face,” Quina Jones said", after Keith Lamont Scott; "“It's finished,” she said"). An "it"
    whose nearest name names people by a common noun (``people``, ``named_people``) stands for no name: "experts
    say it would shape tax law" is not the experts', "the mayor said that it would take more hours" not the
    mayor's, and the name before them would be a guess (PolNeAR dev: 20 of 22 such lines wrong)."""
    told = told or {}
    resolvers: dict[int, _Resolver] = {}
    out: list[EventCandidate] = []
    for e in found:
        opened = _opened(e, quoted)
        if opened not in resolvers:
            here = [n for n in names if n[0] >= opened]
            plurals = [*here, *(n for n in described if n[0] >= opened)]
            resolvers[opened] = _Resolver(here, plurals, persons, told, [j for j in joined if j[0] >= opened], people)
        out += resolvers[opened].resolve(e, fronted or {}, subjects or {})
    return out


def _opened(e: EventCandidate, quoted: Sequence[tuple[int, int]]) -> int:
    """Where a pronoun's antecedent may begin: the quotation it stands in, or the article's start (0)."""
    if e.pronoun is None:
        return 0
    return min((a for a, b in quoted if a <= e.pronoun_at < b), default=0)


class _Resolver:
    """The antecedents a pronoun may take among ``names`` (and, for "they", ``plurals``, the groups described
    too), by the kind it asks for."""

    def __init__(
        self,
        names: Sequence[Name],
        plurals: Sequence[Name],
        persons: Collection[int],
        told: Mapping[str, str],
        joined: Sequence[tuple[int, tuple[str, ...]]] = (),
        people: Collection[int] = frozenset(),
    ) -> None:
        self.names, self.plurals, self.persons, self.joined = names, plurals, persons, joined
        self.antecedents = Antecedents(names)
        self.groups = Antecedents([n for n in plurals if n[0] not in persons])
        self.of_sex = {sex: [n for n in names if _sex(n[1], told) in (sex, None)] for sex in ("m", "f")}
        self.sexed = {sex: Antecedents(of_sex) for sex, of_sex in self.of_sex.items()}
        # the names "it" could take, with those naming people by a common noun, which a parse may type as persons
        self.people, self.last = people, LastBefore([n for n in names if not n[2] or n[0] in people], _offset)

    def resolve(
        self, e: EventCandidate, fronted: Mapping[int, int], subjects: Mapping[int, tuple[int, int]]
    ) -> list[EventCandidate]:
        if e.pronoun is None:
            return [e]
        if e.pronoun.lower() in PAIRS:
            return pair(e, self.names)
        if e.pronoun == THE_TWO:
            return pair(e, [n for n in self.names if n[2]]) or pair(e, self.names)
        plural = e.pronoun.lower() in PLURAL_PRONOUNS
        sex = SEX.get(e.pronoun.lower(), "")
        names = self.plurals if plural else self.of_sex.get(sex, self.names)  # "Shelby said he": not Shelby, a woman
        name = _subject_name(e, names, subjects, self.persons if plural else ())
        if name is None and self._people_nearest(e.pronoun, _before(e, fronted)):
            return []
        if name is None:
            pool = self.groups if plural else self.sexed.get(sex, self.antecedents)
            name = pool.find(e.pronoun, _before(e, fronted), speaker=False)
        if name is None:
            return []
        return together(e, self._joined(name, e.pronoun_at)) if plural else [replace(e, actor=name)]

    def _people_nearest(self, pronoun: str, at: int) -> bool:
        """Whether the nearest name before an "it" names people by a common noun ("experts say it would shape tax
        law"): what "it" stands for is then a thing the article names by no name (the plan), and an older name
        would be a guess."""
        if pronoun.lower() not in THING_PRONOUNS:
            return False
        nearest = self.last.get(at)
        return nearest is not None and nearest[0] in self.people

    def _joined(self, name: str, at: int) -> tuple[str, ...]:
        """The names joined by "and" where ``name`` was last named with others before ``at`` ("GM and Chrysler
        were given loans after they warned": both), else ``name`` alone."""
        last = max((j for j in self.joined if j[0] < at and name in j[1]), default=None, key=lambda j: j[0])
        return last[1] if last is not None and last[1][-1] == name else (name,)


def together(e: EventCandidate, actors: Sequence[str]) -> list[EventCandidate]:
    """The event done by each of ``actors``; one event, by the first with the others, for an act two do together
    ("Kim and Putin met. They discussed weapons": Kim discussed weapons with Putin)."""
    if e.sense.split("|")[0] in RECIPROCAL:
        return [replace(e, actor=actors[0], targets=tuple(dict.fromkeys([*actors[1:], *e.targets]))[:3])]
    return [replace(e, actor=actor) for actor in actors]


HIS = word_set("his himself mr mr.")
HER = word_set("her herself mrs mrs. ms ms. miss")
"""Words that tell a person's sex: an owner or reflexive pronoun of one's own clause, or a title (``sexes``)."""
TITLES = word_set("mr mr. mrs mrs. ms ms. miss")
SEX = {**dict.fromkeys(word_set("he him his himself"), "m"), **dict.fromkeys(word_set("she her hers herself"), "f")}


def sexes(article: ParsedArticle) -> dict[str, str]:
    """Each person's name -> "m" or "f", where the article tells it: a title ("Mr. Obama", "Mrs. Clinton"), or
    the person as the subject owning a "his"/"her" of the same clause, with no other person between ("Clinton
    unveiled her plan"; not "Trump attacked Clinton and her record"). A full name's sex is its surname's too,
    unless two full names with that surname differ ("Donald Trump" and "Ivana Trump": "Trump" is not told).
    "She" is no one the article tells is a man (``resolve``): "She then peppered him" is not Trump's act."""
    votes: dict[str, list[str]] = {}
    for _, _, parsed, _ in article.sentences:
        people = [e for e in parsed.ents if e.label_ == "PERSON"]
        for ent in people:
            before = parsed[ent.start - 1] if ent.start > 0 else ent[0]
            # "Mr. Obama", named with or without it; a title is written with a capital ("I will miss Steve": no)
            title = before.lower_ if before.text[:1].isupper() and before.lower_ in TITLES else ent[0].lower_
            if title in TITLES:
                votes.setdefault(ent.text, []).append("m" if title in HIS else "f")
        for tok in parsed:
            if tok.lower_ not in HIS | HER or (tok.tag_ != "PRP$" and not tok.lower_.endswith("self")):
                continue
            owner = _clause_owner(tok, people)
            if owner is not None:
                votes.setdefault(owner, []).append("m" if tok.lower_ in HIS else "f")
    told = {name: max(set(v), key=v.count) for name, v in votes.items() if v.count("m") != v.count("f")}
    by_surname: dict[str, set[str]] = {}
    for name, sex in told.items():
        if len(name.split()) > 1:
            by_surname.setdefault(name.split()[-1], set()).add(sex)
    return {**{last: next(iter(s)) for last, s in by_surname.items() if len(s) == 1}, **told}


def _sex(name: str, told: Mapping[str, str]) -> str | None:
    """The sex ``sexes`` told of a name, written with its title or without ("Mrs. Jones" is "Jones")."""
    words = name.split()
    bare = " ".join(words[1:]) if len(words) > 1 and words[0].lower() in TITLES else name
    return told.get(name, told.get(bare))


def _clause_owner(pronoun: Any, people: Sequence[Any]) -> str | None:
    """The person whose own clause holds ``pronoun``: the subject of the nearest verb above it, when that subject
    is a person's name and the last name before the pronoun."""
    tok = pronoun
    while tok.head.i != tok.i and not (tok.pos_ in ("VERB", "AUX") and tok is not pronoun):
        tok = tok.head
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)
    last = max((e for e in people if e.end <= pronoun.i), key=lambda e: e.start, default=None)
    if subject is None or last is None or not (last.start <= subject.i < last.end):
        return None
    if any(t.pos_ == "PROPN" for t in pronoun.doc[last.end : pronoun.i]):
        return None  # "Clinton … hit Trump hard on his record": a name between, whatever the parser typed it
    return str(last.text)


def pair(e: EventCandidate, names: Sequence[Name]) -> list[EventCandidate]:
    """ "Both" as a doer: the two different parties named last before it, each doing the act ("GM's package
    includes … Chrysler will offer … Both will offer the deal": GM and Chrysler), as "GM and Chrysler both"
    are two doers; none where fewer than two are named before. A name is written with a capital ("with
    healthcare" is no party)."""
    last: list[str] = []
    for name in sorted((n for n in names if n[0] < e.pronoun_at and n[1][:1].isupper()), key=lambda n: -n[0]):
        if name[1] not in last:
            last.append(name[1])
        if len(last) == 2:
            return together(e, list(reversed(last)))  # "Both met": one meeting, as "they met" is
    return []


def _subject_name(
    e: EventCandidate, names: Sequence[Name], subjects: Mapping[int, tuple[int, int]], persons: Collection[int]
) -> str | None:
    """The name of the kind the pronoun asks for met at the subject of the clause above it, or through that
    clause's verb (``subjects``, ``embedded_subjects``); None where none is met there: a description the article
    names nowhere near ("The government will give GM … the funds it has received") leaves the nearest name."""
    at = e.pronoun_at
    if at not in subjects:
        return None
    lo, hi = subjects[at]
    there = [n for n in names if lo <= n[0] < hi and n[0] not in persons]
    return Antecedents(there).find(e.pronoun or "", hi, speaker=False)


def named_people(article: ParsedArticle, names: Sequence[Name], attributions: Sequence[Attribution]) -> set[int]:
    """Where ``names`` name people by a common noun: a plural ("experts", "E.U. leaders", "his aides") or a
    person's office ("the mayor"), which "it" does not stand for. A speaker's name stands where its cue does;
    its words are sought where the source stands."""
    tokens = {start + t.idx: t for _, start, parsed, _ in article.sentences for t in parsed}
    sources = {a.cue_start: a.source_span[0] for a in attributions if a.source_span is not None}
    found = set()
    for at, words, _, spoke in names:
        head = _head_at(tokens, sources.get(at, at) if spoke else at, words)
        if head is not None and head.pos_ == "NOUN" and (head.tag_ == "NNS" or head.lemma_.lower() in PERSON_ROLES):
            found.add(at)
    return found


def _head_at(tokens: Mapping[int, Any], at: int, words: str) -> Any | None:
    """The last word of the noun phrase ``words`` written at ``at``, where a token begins there."""
    first = tokens.get(at)
    if first is None:
        return None
    last = first.doc[min(first.i + len(words.split()) - 1, len(first.doc) - 1)]
    return last if last.text == words.split()[-1] else None


def lone_persons(article: ParsedArticle, names: Sequence[Name]) -> set[int]:
    """Where ``names`` name one person: a name the parser took for a person's, or a source holding one ("Reid's
    representative Jack Ketsoyan"), not joined to another ("Kim and Putin": "they" may be the pair, whose
    nearest the events module makes its actor); not a source named by a plural noun ("Authorities")."""
    paired = {
        start + ent.start_char for _, start, parsed, _ in article.sentences for ent in parsed.ents if ent.root.conjuncts
    }
    people = [n[1] for n in article.names if n[2]]
    last = {p.split()[-1] for p in people}
    return {n[0] for n in names if n[0] not in paired and (_one_person(n, people, last) or _office(n[1]))}


def _one_person(name: Name, people: Sequence[str], last: Collection[str]) -> bool:
    """A name holding a person's name the parser typed, or a person's surname alone ("Husted", after "Jon Husted":
    ``surnames`` makes it a person's, whatever the parser typed it)."""
    return name[2] and (name[1] in last or any(p in name[1] for p in people))


def _office(name: str) -> bool:
    """A name whose head is one person's office or rank: "The president", "Democratic nominee" (a speaker the
    parse did not type) is one person, no "they"."""
    return name.split()[-1].lower() in PERSON_ROLES


def _before(e: EventCandidate, fronted: Mapping[int, int]) -> int:
    return fronted.get(e.pronoun_at, e.pronoun_at)


def fronted_phrases(article: ParsedArticle) -> dict[int, int]:
    """Where a subject pronoun stands -> where a prepositional phrase its verb puts before it begins ("In
    addition to X, they announced"; "After the talks with Putin, he left"). The pronoun cannot stand for a name
    inside that phrase: read back in its place ("they announced ... in addition to X"), the name would follow
    the pronoun that governs it."""
    out: dict[int, int] = {}
    for _, start, parsed, _ in article.sentences:
        for tok in parsed:
            if tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            fronted = [c for c in tok.head.children if c.dep_ == "prep" and c.i < tok.i and _noun_object(c)]
            if fronted:
                out[start + tok.idx] = start + min(c.left_edge.idx for c in fronted)
    return out


def embedded_subjects(article: ParsedArticle) -> dict[int, tuple[int, int]]:
    """Where a subject or owner pronoun of an embedded clause stands -> where the subject of the clause it is
    embedded in stands, through that clause's verb (where its speaker is met), when the two agree ("the company
    has told the US Treasury that it intends": the company, not the Treasury; "Qatar has an order for Airbus'
    A380s which it will fly": Qatar). The subject is the most salient antecedent a pronoun has, more than a
    nearer object or owner. A pronoun of the main clause, or one whose clause has no subject before it that
    agrees, is left alone; an owner's own clause counts ("it intends to use its option": what "it" is)."""
    out: dict[int, tuple[int, int]] = {}
    for _, start, parsed, _ in article.sentences:
        for tok in parsed:
            if tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue
            found = _matrix_subject(tok)
            if found is None or not _agrees(tok, found[0]):
                continue
            subject, verb = found
            last = max((t for t in (subject.right_edge, verb) if t.i < tok.i), key=lambda t: t.i, default=subject)
            out[start + tok.idx] = out.get(start + subject.idx, _sought(subject, start, (subject, last)))
    return out


def _sought(subject: Any, start: int, span: tuple[Any, Any]) -> tuple[int, int]:
    """Where an embedded pronoun's antecedent is sought: the clause above's subject (``span``: its first and last
    words); a pronoun subject passes on where it was sought itself, and one of the main clause is sought before
    it, as it is ("He linked X to Hillary Clinton's use, an opportunity he missed": whoever the first "he" is,
    not Clinton, named between)."""
    first, last = span
    if subject.pos_ == "PRON":
        return 0, start + subject.idx
    return start + first.left_edge.idx, start + last.idx + 1


def _matrix_subject(pronoun: Any) -> tuple[Any, Any] | None:
    """The subject before ``pronoun`` of the nearest clause above the pronoun's own (through complement,
    relative, adverbial and coordinated clauses), with its verb; None for a pronoun of the main clause. An
    owner's is the subject of its own clause."""
    tok = pronoun.head
    if pronoun.dep_ == "poss":
        while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
            tok = tok.head
        if (subject := _subject_before(tok, pronoun)) is not None:
            return subject, tok
    for _ in range(8):
        if tok.head.i == tok.i or tok.dep_ == "parataxis":
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and (subject := _subject_before(tok, pronoun)) is not None:
            return subject, tok
    return None


def _subject_before(verb: Any, pronoun: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)


def _agrees(pronoun: Any, subject: Any) -> bool:
    """Whether ``subject`` could be what ``pronoun`` stands for by number and kind: "it" a singular thing,
    "he"/"she" a person, "they" a plural or a group's name."""
    word = pronoun.lower_
    if word not in THING_PRONOUNS | PERSON_PRONOUNS | PLURAL_PRONOUNS:
        return False  # "we", "I": the speaker, whoever the clause above is about
    if subject.pos_ == "PRON":
        same = (PERSON_PRONOUNS, THING_PRONOUNS, PLURAL_PRONOUNS)
        # "she" is not whoever the "he" above is
        return SEX.get(word) == SEX.get(subject.lower_) and any(word in k and subject.lower_ in k for k in same)
    person = subject.ent_type_ == "PERSON" or subject.lemma_.lower() in PERSON_ROLES
    if word in THING_PRONOUNS:
        return subject.tag_ in ("NN", "NNP") and not person
    if word in PERSON_PRONOUNS:
        return person and subject.tag_ in ("NN", "NNP")
    return subject.tag_ in ("NNS", "NNPS") or (subject.tag_ == "NNP" and not person)


def _noun_object(prep: Any) -> bool:
    """Whether a preposition governs a noun phrase (not a clause: "After John arrived, he left" may be John)."""
    return any(c.dep_ == "pobj" for c in prep.children)


def find_events(
    doc: Document, article: ParsedArticle, attributions: Sequence[Attribution] = ()
) -> list[EventCandidate]:
    """Every event candidate in the article's sentences, in order, pronoun actors resolved to the names and the
    ``attributions``' speakers (``attribution.speaker_names``) met before them. A saying verb that carries none of
    the ``attributions`` may be an act of its own ("reported a 49% decline": ``_says``)."""
    found: list[EventCandidate] = []
    quoted: set[tuple[int, int]] = set()
    doers: dict[str, EventCandidate] = {}  # each act's last told with a doer: "The order" is that one
    claimed = frozenset(a.cue_start for a in attributions)
    statements = [(*a.content_span, a.source) for a in attributions]
    sides = speaker_sides(article, attributions)
    resume = QuotationResume(  # a long paragraph is scanned for quotation marks once, not once per sentence
        doc.text,
        lambda a, b: quoted_stretches(doc.text, a, b, min_words=0),
        [(paragraph, start + len(parsed.text)) for _, start, parsed, paragraph in article.sentences],
    )
    for number, start, parsed, paragraph in article.sentences:
        # Quotations ending before the sentence are left out: they hold none of its verbs.
        quotes = quoted_stretches(doc.text, resume.start(paragraph, start), start + len(parsed.text), min_words=1)
        quoted.update(quotes)
        told = sentence_events(number, start, parsed, quotes, claimed, statements, doers, sides)
        doers.update((key, e) for e in told if e.actor for key in recall_keys(e.sense))
        found += told
    found.sort(key=lambda e: e.verb_start)
    settings = _settings(article)
    skipped = settings | _modifiers(article)
    names = surnames([n for n in article.names if n[1] not in article.groups and n[0] not in skipped])
    speakers = speaker_names(attributions, article.names)
    known = [*names, *speakers]
    subjects = embedded_subjects(article)
    persons = lone_persons(article, known) | objects_of_groups(article)
    groups = described_groups(article)
    sex = sexes(article)
    fronted = fronted_phrases(article)
    people = named_people(article, known, attributions)
    joined = joined_names(article)
    resolved = resolve(found, known, fronted, persons, subjects, groups, sex, sorted(quoted), joined, people)
    return retell(_not_speakers_bare_acts(resolved, article, statements), headline_events(doc), doc.text)


def _not_speakers_bare_acts(
    found: Sequence[EventCandidate], article: ParsedArticle, statements: Sequence[tuple[int, int, str]]
) -> list[EventCandidate]:
    """The events less a speaker's bare act noun (``_speakers_bare_act``), unless the same doer's act of that sense
    is told elsewhere with words of its own ("his proposed reorganization plan for General Motors … His plan, he
    stated, was …"): that mention is one more telling of it, which grounding merges into that line."""
    owned = _owned_by_pronoun(article)
    told = {(e.actor, e.sense) for e in found if not _bare(e)}
    return [e for e in found if (e.actor, e.sense) in told or not _speakers_bare_act(e, owned, statements)]


def _owned_by_pronoun(article: ParsedArticle) -> frozenset[int]:
    """Where the article's common nouns owned by a possessive pronoun begin ("her plans", "his speech"), less those
    of what befalls the owner (``BEFALLING``)."""
    return frozenset(
        start + t.idx
        for _, start, parsed, _ in article.sentences
        for t in parsed
        if t.pos_ == "NOUN"
        and not {t.lemma_.lower(), t.lower_} & BEFALLING
        and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children)
    )


def _speakers_bare_act(e: EventCandidate, owned: Collection[int], statements: Sequence[tuple[int, int, str]]) -> bool:
    """An act noun owned by a possessive pronoun, with no words of its own (no object, party, time or place), whose
    doer is the source of the statement holding it ("Clinton is stressing that her plans will solve …", "he is
    very proud of his actions"): the line "**Clinton** plans — according to Clinton" tells only that the speaker
    spoke of an act of their own, which the claim's line tells with what it is. Not an act the source is told to
    announce ("Jobs announced the release of …", "Airbus has announced 10,000 job cuts"): the news itself."""
    if e.trigger is None or e.trigger[0] not in owned or not e.actor or not _bare(e):
        return False
    at = e.trigger[0]
    return any(start <= at < end and _same_party(e.actor, source) for start, end, source in statements)


def _bare(e: EventCandidate) -> bool:
    """An event told in one word, with no party, time or place ("plans", "presidency")."""
    return len(e.action.split()) < 2 and not (e.targets or e.when or e.where)


def _same_party(actor: str, source: str) -> bool:
    """The same name, or one the other's surname alone ("Hillary Clinton", "Clinton"); not two full names that only
    share a surname ("Bill Clinton", "Hillary Clinton": two people)."""
    a, b = actor.split(), source.split()
    return bool(a and b and (a == b or (min(len(a), len(b)) == 1 and a[-1] == b[-1])))


def objects_of_groups(article: ParsedArticle) -> set[int]:
    """Where names stand that are the object of a clause whose subject "they" could stand for ("Radical
    Islamists bombed the World Trade Center … In 2000, they attacked the USS Cole": the Islamists): the subject
    is the more salient antecedent (``events._group_acts`` says the same of plural nouns)."""
    found = set()
    for _, start, parsed, _ in article.sentences:
        for ent in parsed.ents:
            head = ent.root
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head  # "Obama and Clinton": Clinton is the subject Obama is
            if head.dep_ not in ("dobj", "pobj"):
                continue  # a subject, or an owner ("upheld Boeing's protest, … their claims": Boeing's)
            verb = next((t for t in ent.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
            if verb is not None and any(c.dep_ == "nsubj" and several(c) for c in verb.children):
                found.add(start + ent.start_char)
    return found


def joined_names(article: ParsedArticle) -> list[tuple[int, tuple[str, ...]]]:
    """Where names joined by "and" as a subject stand (the first's offset), with the names in order ("Obama and
    Clinton continue to ignore …"): a plural pronoun that stands for the last of them stands for them all
    (``_Resolver._joined``). Not names listed elsewhere ("met the leaders of China, India, Brazil and South
    Africa"): the subject is the salient antecedent, a list after a verb or preposition mostly only says which."""
    found = []
    for _, start, parsed, _ in article.sentences:
        ents = {t.i: e for e in parsed.ents for t in e}
        for ent in parsed.ents:
            conjuncts = [ents[c.i] for c in ent.root.conjuncts if c.i in ents and c.i > ent.root.i]
            if conjuncts and ent.root.dep_ in ("nsubj", "nsubjpass"):
                found.append((start + ent.start_char, tuple(str(x.text) for x in (ent, *conjuncts))))
    return found


def described_groups(article: ParsedArticle) -> list[Name]:
    """The groups each sentence names by a plural noun that acts (``events.groups_told``), as names no person
    holds: what a plural pronoun may stand for besides the names."""
    return [
        (at, words, False, False)
        for _, start, parsed, _ in article.sentences
        for at, words in groups_told(parsed, start)
    ]


def surnames(names: Sequence[Name]) -> list[Name]:
    """A person's last name alone names that person, whatever the parser typed it ("Steve Jobs …, Jobs, aged
    55, has taken medical leave. He fought cancer": Jobs, though the parser took the word for a company's
    name), so "he" may stand for it and "it" may not."""
    last = {n[1].split()[-1] for n in names if n[2] and len(n[1].split()) > 1}
    return [(at, name, True, spoke) if name in last else (at, name, person, spoke) for at, name, person, spoke in names]


def _settings(article: ParsedArticle) -> set[int]:
    """Where place names only say where ("flying to Chicago via New York", "lifted off in Toulouse"): a setting,
    not a party, so no later "it" that does something stands for it."""
    return {
        start + ent.start_char
        for _, start, parsed, _ in article.sentences
        for ent in parsed.ents
        if ent.label_ in PLACE_LABELS and _setting(ent.root)
    }


def _modifiers(article: ParsedArticle) -> set[int]:
    """Where a name only modifies a common noun ("their popular iPod range"): the party is the thing the noun
    names, so no later pronoun that does something stands for the name. An owner ("Boeing's protest") stays:
    it is the noun's doer."""
    return {
        start + ent.start_char
        for _, start, parsed, _ in article.sentences
        for ent in parsed.ents
        if ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN"
    }


def _setting(tok: Any) -> bool:
    """A place after a preposition of place, or coordinated with one ("in New York and New Jersey")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return bool(tok.dep_ == "pobj" and tok.head.lower_ in ANTECEDENT_SETTING_PREPS)


def _offset(name: Name) -> int:
    """Where a name is written: the key ``LastBefore`` finds the nearest name before a pronoun by."""
    return name[0]
